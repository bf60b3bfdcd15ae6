"""Every feature under features/ runs as tests against the real engine and pack."""

from pytest_bdd import scenarios

scenarios(".")
