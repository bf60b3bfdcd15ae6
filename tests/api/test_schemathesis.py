"""Property-based checks of the API against its own OpenAPI document, on the real server: no 5xx, every
status code, content type, header and body as documented, for valid and invalid requests alike.

Bounded: a few examples per operation and mode, no shrinking. (Schemathesis's own pytest integration does
not run under pytest 9 yet, so the operations are walked here.)"""

from __future__ import annotations

from typing import Any

import hypothesis
import hypothesis.errors
import pytest
import schemathesis
from schemathesis.checks import negative_data_rejection
from schemathesis.core.result import Ok
from schemathesis.generation.modes import GenerationMode

from compliance.service.store import Role
from tests.api.conftest import Server

EXAMPLES = 30


@pytest.fixture(scope="module")
def fuzz(live: Server) -> Server:
    live.add_org("fuzz")
    live.add_key("fuzz", Role.submitter, "fuzz")
    return live


def test_the_api_keeps_its_documented_promises(fuzz: Server) -> None:
    schema = schemathesis.openapi.from_url(fuzz.url + "/api/v1/openapi.json")
    headers = {"Authorization": f"Bearer {fuzz.tokens['fuzz']}"}
    failures: list[str] = []
    results = list(schema.get_all_operations())
    assert all(isinstance(r, Ok) for r in results), "an operation of the document does not load"
    operations = [r.ok() for r in results if isinstance(r, Ok)]
    assert len(operations) >= 12
    calls = 0
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            excluded = [negative_data_rejection] if mode is GenerationMode.NEGATIVE else []

            @hypothesis.settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(hypothesis.HealthCheck),
                phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
            )
            @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
            def check(case: schemathesis.Case[Any]) -> None:
                nonlocal calls
                calls += 1
                # The key is sent with every case, so a negative case whose only fault was a missing
                # Authorization header becomes valid: the rejection check would be unsound for it. No 5xx
                # and documented responses are still checked for every case.
                response = case.call_and_validate(
                    headers=headers,
                    timeout=30,
                    excluded_checks=excluded,  # noqa: B023 - the check runs inside this iteration
                )
                assert response.status_code < 500, response.text

            try:
                check()
            except hypothesis.errors.Unsatisfiable:
                assert mode is GenerationMode.NEGATIVE, operation.label  # nothing to get wrong in it
            except Exception as exc:  # collect every operation's failure, then report them all
                failures.append(f"{operation.label} [{mode.value}]: {str(exc)[:2000]}")
    assert calls > 5 * len(operations)
    assert not failures, "\n\n".join(failures)
