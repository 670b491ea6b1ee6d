"""The apps' layering, read from the source (no module is imported).

Floors, lowest first: `core` < `accounts` < `offices`, `notices` < `courts` < `licensing`,
`filings` < `discipline` < `cms_pages`, `reports` < `daftar` (the URL root and the settings).
An app imports only apps on its own floor or below, at the top of its modules: an import
inside a function hides a dependency (and a circle) from the reader and from this test. A
module of an app has at most 500 lines (its models and migrations aside). Each failure names
the file and line.
"""

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FLOOR = {
    "core": 0,
    "accounts": 1,
    "offices": 2,
    "notices": 2,
    "courts": 3,
    "licensing": 4,
    "filings": 4,
    "discipline": 5,
    "cms_pages": 6,
    "reports": 6,
    "daftar": 7,
}
MAX_LINES = 500


def app_dir(app: str) -> Path:
    return ROOT / "site" / app if (ROOT / "site" / app).is_dir() else ROOT / app


@dataclass(frozen=True)
class Import:
    path: str
    line: int
    app: str  # the importing app
    target: str  # the imported app
    in_function: bool

    def __str__(self):
        return f"{self.path}:{self.line} {self.app} -> {self.target}"


def modules(app: str):
    for path in sorted(app_dir(app).rglob("*.py")):
        if "migrations" not in path.relative_to(app_dir(app)).parts:
            yield path


def imported_apps(node) -> list[str]:
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        names = [node.module]
    else:
        return []
    return [name.split(".")[0] for name in names if name.split(".")[0] in FLOOR]


def walk_imports(tree, *, in_function=False):
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, in_function
        inside = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        yield from walk_imports(node, in_function=inside)


@cache
def all_imports() -> tuple[Import, ...]:
    found = []
    for app in FLOOR:
        for path in modules(app):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node, in_function in walk_imports(tree):
                for target in imported_apps(node):
                    if target != app:
                        rel = str(path.relative_to(ROOT))
                        found.append(Import(rel, node.lineno, app, target, in_function))
    return tuple(found)


def upward(imports) -> list[str]:
    return [str(i) for i in imports if FLOOR[i.target] > FLOOR[i.app]]


def hidden(imports) -> list[str]:
    return [str(i) for i in imports if i.in_function]


def oversized() -> list[str]:
    big = []
    for app in FLOOR:
        for path in modules(app):
            if path.name == "models.py" or "models" in path.parent.parts[-1:]:
                continue
            lines = path.read_text(encoding="utf-8").count("\n")
            if lines > MAX_LINES:
                big.append(f"{path.relative_to(ROOT)} has {lines} lines")
    return big


def test_no_app_imports_an_app_on_a_higher_floor():
    found = upward(all_imports())
    assert not found, "imports up the floors:\n" + "\n".join(found)


def test_cross_app_imports_are_at_the_top_of_their_module():
    found = hidden(all_imports())
    assert not found, "cross-app imports inside functions:\n" + "\n".join(found)


def test_no_module_of_an_app_is_over_500_lines():
    found = oversized()
    assert not found, "modules over 500 lines:\n" + "\n".join(found)


# --- the checks themselves ---------------------------------------------------------------------
def imports_of(source: str, app: str) -> list[Import]:
    tree = ast.parse(source)
    return [
        Import("x.py", node.lineno, app, target, in_function)
        for node, in_function in walk_imports(tree)
        for target in imported_apps(node)
        if target != app
    ]


@pytest.mark.parametrize(
    ("source", "app", "up", "inside"),
    [
        (
            "from discipline.models import Case\n",
            "licensing",
            ["x.py:1 licensing -> discipline"],
            [],
        ),
        ("import accounts.roles\n", "core", ["x.py:1 core -> accounts"], []),
        ("from core.records import locked\n", "offices", [], []),
        ("from filings import attachments\n", "filings", [], []),
        ("from . import models\n", "offices", [], []),
        (
            "def f():\n    from notices.services import served_at\n",
            "discipline",
            [],
            ["x.py:2 discipline -> notices"],
        ),
        (
            "class A:\n    def f(self):\n        import cms_pages\n",
            "offices",
            ["x.py:3 offices -> cms_pages"],
            ["x.py:3 offices -> cms_pages"],
        ),
        ("def f():\n    from offices.models import Office\n", "offices", [], []),
    ],
)
def test_the_checks_find_upward_and_hidden_imports(source, app, up, inside):
    found = imports_of(source, app)
    assert upward(found) == up
    assert hidden(found) == inside
