"""A real two-node Ray cluster on 127.0.0.1 (a head and a second node, each started with
`ray start` and one CPU), so the two actors run on different nodes: the CLI's driver is
SIGKILLed mid-run, a resumed run finishes the job, and the shards hold every document
exactly once, with the local runner's answers."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

# Ray's token authentication, with a token of this test's own: other Ray clusters on the
# machine keep theirs, and nothing else can join this one. Set before Ray is imported
# (it reads the token once); this process is a driver too (the resumed run).
AUTH = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(16)}
if "ray" not in sys.modules:
    os.environ.update(AUTH)
pytest.importorskip("ray")

from batch_support import article_text  # noqa: E402

from extractor.batch import shards  # noqa: E402
from extractor.batch.runner import RunOptions, run_batch  # noqa: E402
from extractor.engines import get_engine  # noqa: E402
from extractor.loading import read_inputs  # noqa: E402

pytestmark = pytest.mark.ray
ROOT = Path(__file__).resolve().parents[1]
RAY = [sys.executable, "-c", "import sys; from ray.scripts.scripts import main; sys.argv[0] = 'ray'; main()"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env() -> dict[str, str]:
    return {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "PYTHONPATH": str(ROOT), **AUTH}


@pytest.fixture(scope="module")
def two_nodes():
    """`ray start --block` for each node: terminating our own process stops that node's
    processes, and nothing else on the machine (never `ray stop`, which stops them all)."""
    port = free_port()
    if os.environ.get("RAY_AUTH_TOKEN") != AUTH["RAY_AUTH_TOKEN"]:
        pytest.skip("Ray was imported before this module could give it the cluster's token")
    common = ["--node-ip-address=127.0.0.1", "--num-cpus=1", "--block", "--disable-usage-stats"]
    head = subprocess.Popen([*RAY, "start", "--head", f"--port={port}", "--include-dashboard=false", *common],
                            env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    address = f"127.0.0.1:{port}"
    nodes = [head]
    try:
        time.sleep(8)
        nodes.append(subprocess.Popen([*RAY, "start", f"--address={address}", *common], env=env(),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        import ray

        deadline = time.monotonic() + 90
        ray.init(address=address, log_to_driver=False)
        while sum(n["Alive"] for n in ray.nodes()) < 2:
            assert time.monotonic() < deadline, "the second node did not join"
            time.sleep(1)
        yield address
    finally:
        import ray

        ray.shutdown()
        for p in reversed(nodes):
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


def test_driver_killed_then_resumed_on_two_nodes_every_document_once(tmp_path, two_nodes):
    src = tmp_path / "corpus"
    src.mkdir()
    for i in range(40):
        (src / f"doc{i:03d}.txt").write_text(article_text(i), encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "extractor", "extract", str(src), "--executor", "ray", "--run", "big",
           "--output-dir", str(out), "--block-size", "2", "--workers", "2", "-q"]
    driver = subprocess.Popen(cmd, cwd=ROOT, env={**env(), "RAY_ADDRESS": two_nodes},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while len(shards.written_shards(str(out))) < 3 if out.exists() else True:
        assert driver.poll() is None, driver.stderr.read()
        assert time.monotonic() < deadline
        time.sleep(0.2)
    driver.send_signal(signal.SIGKILL)
    driver.wait()
    before = shards.written_shards(str(out))
    assert 3 <= len(before) < 20  # killed mid-run

    from extractor.batch.ray_executor import run_ray
    import ray

    deadline = time.monotonic() + 120  # the killed job's actors give their CPUs back first
    while ray.available_resources().get("CPU", 0) < 2:
        assert time.monotonic() < deadline, "the killed driver's actors were not cleaned up"
        time.sleep(1)
    rows: list = []
    summary = run_ray([str(src)], "offline", {}, RunOptions(), "big", str(out), resume=True, workers=2, block_size=2,
                      address=two_nodes, on_block=rows.append)
    assert len({r["node"] for r in rows}) == 2  # one actor per node: the work crossed nodes
    assert {int(r["k"]) for r in rows}.isdisjoint({int(n[5:11]) for n in before})  # resume skipped what was written
    got = [d.model_dump(mode="json") for d in shards.read_shards(str(out))]
    local: list = []
    run_batch(read_inputs([str(src)]), get_engine("offline"), str(tmp_path / "l.db"), "l", RunOptions(), emit=local.append)
    assert got == [d.model_dump(mode="json") for d in local]  # every document once, in order, same answers
    assert summary.skipped + summary.inputs == 40
