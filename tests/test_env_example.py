"""`.env.example` lists every environment variable the settings read: an operator sees them all."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _reads_environment(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id.startswith("env_")
    if isinstance(func, ast.Attribute):
        return func.attr == "getenv" or (
            func.attr == "get" and ast.unparse(func.value) == "os.environ"
        )
    return False


def variables_read(source: str) -> set[str]:
    """Names passed as a literal to `os.environ.get`, `os.environ[…]`, `os.getenv` or one of
    the settings' own `env_…` helpers."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            if _reads_environment(node.func):
                names.add(node.args[0].value)
        elif (
            isinstance(node, ast.Subscript)
            and ast.unparse(node.value) == "os.environ"
            and isinstance(node.slice, ast.Constant)
        ):
            names.add(node.slice.value)
    return names


def variables_listed(text: str) -> set[str]:
    return {
        line.split("=", 1)[0].strip()
        for line in text.splitlines()
        if "=" in line and not line.lstrip().startswith("#")
    }


def test_env_example_lists_every_variable_the_settings_read():
    read = variables_read((ROOT / "cosmediclist" / "settings.py").read_text())
    listed = variables_listed((ROOT / ".env.example").read_text())
    assert {"DEBUG", "SECRET_KEY", "DATABASE_URL", "SECURE_HSTS_PRELOAD"} <= read
    assert sorted(read - listed) == []


def test_the_reader_sees_each_way_of_reading_the_environment():
    source = (
        "import os\n"
        "A = os.environ.get('ONE', '')\n"
        "B = os.environ['TWO']\n"
        "C = os.getenv('THREE')\n"
        "D = env_bool('FOUR', True)\n"
        "E = os.environ.get(\n    'FIVE', 'x'\n)\n"
        "F = {}.get('NOT_ENV')\n"
        "def env_int(name):\n    return os.environ.get(name)\n"
    )
    assert variables_read(source) == {"ONE", "TWO", "THREE", "FOUR", "FIVE"}
    assert variables_listed("# X=1\nONE=1   # note\nTWO=\n") == {"ONE", "TWO"}
