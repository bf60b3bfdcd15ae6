"""Repositories: where assessments, projects and audit entries are kept."""
