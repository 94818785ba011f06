"""The hostile corpus posts through the staff forms, so it uses the staff tests' world and editor."""

from tests.staff.conftest import editor_a, world  # noqa: F401  (fixtures)
