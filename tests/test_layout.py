"""The package's layout: no import circle, no module past about 500 lines unexplained,
and the HTML page's style and script shipped as package data."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "readout_diff"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that ``path`` imports anywhere, but for type checking."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            # "from pkg import module" needs the module; pkg is only its parent.
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.add(name if name in modules else node.module)
    return {name for name in found if name in modules}


def test_layout_has_no_import_circle() -> None:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: _imports(path, set(paths)) - {name} for name, path in paths.items()}
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            raise AssertionError("import circle: " + " -> ".join([*trail, name]))
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


# aligning.py is being split on main (similarity.py, judging.py); drop it from here then.
LONG_FOR_NOW: set[str] = set()


def test_layout_no_module_over_500_lines_without_a_reason() -> None:
    for path in PACKAGE.rglob("*.py"):
        if path.name in LONG_FOR_NOW:
            continue
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 500:
            docstring = ast.get_docstring(ast.parse(text)) or ""
            assert "lines" in docstring, f"{path.name} is long and its docstring does not say why"


def test_layout_html_assets_ship_as_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["readout_diff"]
    for asset in ("style.css", "script.js"):
        path = PACKAGE / "render" / "html" / asset
        assert path.is_file()
        assert any(path.relative_to(PACKAGE).match(p) for p in patterns), asset


def test_layout_the_library_never_imports_the_cli() -> None:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    for name, path in paths.items():
        if name.startswith("readout_diff.cli") or name == "readout_diff.__main__":
            continue
        imported = _imports(path, set(paths))
        assert not any(m.startswith("readout_diff.cli") for m in imported), name
