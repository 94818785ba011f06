"""Imports between the apps point one way (HOUSE_STYLE.md, Layout): read from the source with ast.

ocop_catalog -> staff -> domain apps (promotion -> products) -> producers; demo consumes the domain too.
The domain never imports the staff workspace, and producers imports products only in its public
views. A new app must be placed in MAY_IMPORT before its imports pass.
"""

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Which apps each app may import.
MAY_IMPORT = {
    "producers": set(),
    "products": {"producers"},
    "promotion": {"products", "producers"},
    "inquiries": {"products", "producers"},
    "stats": {"promotion", "products", "producers"},
    "staff": {"inquiries", "stats", "promotion", "products", "producers"},
    "demo": {"promotion", "products", "producers"},
    "ocop_catalog": {"staff", "inquiries", "stats", "promotion", "products", "producers"},
}
# The only imports against the layering: producers' public pages show the province's products.
EXCEPTIONS = {("producers/views.py", "products")}


def project_apps() -> set[str]:
    """The project's own apps (not third-party ones), and the configuration package."""
    local = {config.name for config in apps.get_app_configs() if Path(config.path).parent == ROOT}
    return local | {"ocop_catalog"}


def imported_apps(path: Path, names: set[str]) -> set[str]:
    """The project apps that ``path`` imports, at module level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        found |= {module.split(".")[0] for module in modules} & names
    return found


def app_imports() -> list[tuple[str, str, str]]:
    """(app, file relative to the project, imported app) for every import between two apps."""
    names = project_apps()
    edges = []
    for app in sorted(names):
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            edges += [(app, relative, target) for target in imported_apps(path, names) if target != app]
    return edges


def test_every_app_has_a_place_in_the_layering():
    assert project_apps() == set(MAY_IMPORT)


def test_the_layering_itself_has_no_cycle():
    try:
        list(TopologicalSorter(MAY_IMPORT).static_order())
    except CycleError as error:  # pragma: no cover - only when MAY_IMPORT is edited badly
        pytest.fail(f"MAY_IMPORT has a cycle: {error.args[1]}")


def test_apps_import_only_the_layers_below_them():
    wrong = [
        f"{relative} imports {target}"
        for app, relative, target in app_imports()
        if target not in MAY_IMPORT[app] and (relative, target) not in EXCEPTIONS
    ]

    assert wrong == []


def test_the_domain_never_imports_the_staff_workspace_or_the_demo():
    domain = {"producers", "products"}

    offending = [
        f"{relative} imports {target}"
        for app, relative, target in app_imports()
        if app in domain and target in {"staff", "demo"}
    ]

    assert offending == []


def test_the_checker_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text("def f():\n    from staff.views import dashboard\n    import products.models\n")

    assert imported_apps(module, {"staff", "products", "producers"}) == {"staff", "products"}
