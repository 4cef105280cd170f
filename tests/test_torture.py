"""The torture script's small version (issue 13): a few SIGKILLs at random moments across
resumes, both engines, then the store and -o compared with an uninterrupted run."""

import sys
from pathlib import Path

import pytest

pytest.importorskip("extractor.engines.offline")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["offline", "llm"])
def test_random_kills_lose_duplicate_and_change_nothing(tmp_path, engine, capsys):
    import torture

    # Slow enough that every kill lands inside the run, on a fast machine too.
    slow = ["--latency", "0.1", "--concurrency", "2"] if engine == "llm" else []
    rc = torture.main(["--docs", "80", "--kills", "3", "--engine", engine, "--seed", "5", "--instant-max", "4",
                       "--workdir", str(tmp_path), *slow])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "lost 0 / duplicated 0 / differing 0 (extra 0)" in out
    assert "3 kills" in out
