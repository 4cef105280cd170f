"""The offline engine stays readable: no module over 400 lines, no function over 60 lines
unless the first line of its body says why (`# long: <why>`)."""

import ast
from pathlib import Path

import extractor.engines.offline as package

ROOT = Path(package.__file__).parent
MAX_MODULE, MAX_FUNCTION = 400, 60


def _long_functions(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > MAX_FUNCTION:
            body = node.body[1:] if ast.get_docstring(node) is not None else node.body
            first = lines[body[0].lineno - 2].strip() if body else ""
            if not first.startswith("# long:"):
                out.append(f"{path.name}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    return out


def test_no_module_or_function_over_the_limits():
    modules = sorted(ROOT.glob("*.py"))
    assert modules
    too_long = [f"{p.name} ({n} lines)" for p in modules if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE]
    assert not too_long
    assert not [f for p in modules for f in _long_functions(p)]
