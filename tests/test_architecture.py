"""The layers keep their places: no import loop in gga_cli, no CLI flag below the CLI, no
JSON document built by hand in a command (docs/architecture.md)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "gga_cli"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """Every gga_cli module and the gga_cli modules it imports, at the top or inside a function
    (a late import is still a dependency: it only moves the loop to run time); imports under
    `if TYPE_CHECKING:` never run and are left out."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
                       for n in ast.walk(block)}
        for node in ast.walk(tree):
            if id(node) in typing_only:  # imports for type checking never run
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and not name.startswith(target + "."):
                    graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_loop_in_the_package() -> None:
    assert _cycles(_graph()) == []


def test_the_loop_finder_finds_a_loop() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


_FLAG = re.compile(r"(?<![-\w])--[a-z][a-z-]+")
_ARGUMENT = re.compile(r"--[a-z][a-z-]*")
_COMMAND = re.compile(r"\bgga [a-z][a-z-]*[^\n`]*")


def _strings(tree: ast.AST) -> list[ast.Constant]:
    """The string constants of a module that a user may read: docstrings left out."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_no_library_module_names_a_command_line_flag() -> None:
    named = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] == "cli":
            continue
        for node in _strings(ast.parse(path.read_text(encoding="utf-8"))):
            # an argument of another program (git's `--quiet`) and a whole command line a
            # caseload file shows (`gga check --strict`) are no flag the library speaks of
            text = _COMMAND.sub("", node.value)
            if not _ARGUMENT.fullmatch(node.value) and _FLAG.search(text):
                named.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}")
    assert named == []


def test_no_command_module_builds_json_by_hand() -> None:
    for path in (PACKAGE / "cli").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "json.dumps" not in text and "emit_json({" not in text and "emit_json([" not in text, path.name


def test_the_new_command_of_the_architecture_page_works_as_written(tmp_path: Path) -> None:
    """docs/architecture.md shows a new command as one module and one call into the library."""
    from typer.testing import CliRunner

    from conftest import DEMO_TODAY, EXAMPLES, REPO

    page = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    source = page.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, object] = {}
    exec(compile(source, "architecture.md", "exec"), namespace)  # noqa: S102 - the project's own page
    import typer

    app = typer.Typer()
    namespace["register"](app)  # type: ignore[operator]
    app.command("unused")(lambda: None)  # two commands, so typer keeps the command name
    import shutil

    shutil.copytree(EXAMPLES, tmp_path / "demo")
    result = CliRunner().invoke(app, ["phases", str(tmp_path / "demo"), "--today", DEMO_TODAY, "--format", "json"])
    assert result.exit_code == 0, result.output
    import json
    from collections import Counter

    import yaml

    cases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((tmp_path / "demo").glob("cases/*/case.yaml"))]
    expected = Counter(str(c["phase"]) for c in cases if not c.get("closed"))
    assert json.loads(result.output) == {"phases": dict(sorted(expected.items()))}
