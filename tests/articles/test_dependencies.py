"""Dependencies between our apps point one way: `articles` (the content) imports none of them.

The other apps may import `articles`; when the content needs something from them (the
discussion on a post page, the comment epoch in its validators) they register it in
`articles.extensions`. These tests read the source of `articles/` the way Python would import
it, so an import hidden in a function or a management command counts too.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
ARTICLES = ROOT / "articles"
# Named as well as found on disk, so that a new app with one of these names is covered at once.
OUR_APPS = {"comments", "search", "redirects", "wordpress", "demo", "editorial", "discovery",
            "medical", "editing", "images"}  # fmt: skip


def first_party_packages() -> set[str]:
    """Every top-level package of the repository except `articles` itself."""
    found = {
        path.name
        for path in ROOT.iterdir()
        if path.is_dir() and ((path / "__init__.py").exists() or (path / "apps.py").exists())
    }
    return (found | OUR_APPS) - {"articles"}


def articles_modules() -> list[Path]:
    return sorted(
        path
        for path in ARTICLES.rglob("*.py")
        if "migrations" not in path.relative_to(ARTICLES).parts
    )


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, dotted name) of every absolute import, and of `apps.get_model("app", …)` and
    `import_module("app…")` calls, which import by name."""
    names: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if called in {"get_model", "import_module", "__import__"} and isinstance(
                first, ast.Constant
            ):
                names.append((node.lineno, str(first.value).replace(".", " ").split()[0]))
    return names


def forbidden_imports(path: Path, packages: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for line, name in imported_names(tree)
        if name.split(".")[0] in packages
    ]


def test_articles_imports_no_other_app_of_ours():
    packages = first_party_packages()
    found = [
        problem for path in articles_modules() for problem in forbidden_imports(path, packages)
    ]
    assert found == [], "articles must not depend on the other apps:\n" + "\n".join(found)


def test_the_check_sees_every_kind_of_import(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        "import comments.models\n"
        "from search.views import search\n"
        "from . import markup\n"
        "from articles.models import Post\n"
        "def late():\n"
        "    from redirects import models\n"
        "    return apps.get_model('comments', 'Comment'), import_module('demo.content')\n"
    )
    assert sorted(imported_names(ast.parse(module.read_text()))) == [
        (1, "comments.models"),
        (2, "search.views"),
        (4, "articles.models"),
        (6, "redirects"),
        (7, "comments"),
        (7, "demo"),
    ]


def test_the_list_of_our_apps_includes_every_app_and_the_project():
    packages = first_party_packages()
    assert {"comments", "search", "redirects", "cosmediclist"} <= packages
    assert "articles" not in packages
    for app in settings.INSTALLED_APPS:
        top = app.split(".")[0]
        if (ROOT / top).is_dir() and top != "articles":
            assert top in packages, top
