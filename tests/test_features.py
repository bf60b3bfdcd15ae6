"""Every rule feature under features/<chapter>/ runs as tests against the real engine and pack.

The workflow features (features/workflow/) run against the real server, in tests/api/test_workflow.py.
"""

from pathlib import Path

from pytest_bdd import scenarios

FEATURES = Path(__file__).resolve().parent.parent / "features"

for chapter in sorted(p.name for p in FEATURES.iterdir() if p.is_dir() and p.name != "workflow"):
    scenarios(chapter)
