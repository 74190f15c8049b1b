"""Recording is atomic and locked: parallel writers lose nothing, a failed or killed write leaves
the old file or the whole new one, and a lock held too long is a clear refusal, not a hang."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from gga_cli import atomic
from gga_cli.loader import load_document
from gga_cli.models import FILE_KINDS
from gga_cli.errors import Refused as Refusal
from gga_cli.recordings import record_score

from casebuilder import opened

Run = Callable[..., subprocess.CompletedProcess[str]]

CASE = """\
id: 2026-0042
family: Familie Brood
registered: 2026-02-03
worker: Peter Brood
measure: {kind: ots, start: 2026-02-01, end: 2027-02-01}
phase: 1
phases:
  - {phase: 1, start: 2026-02-03}
"""

GENOGRAM = "people:\n  - {id: els, name: Els, sex: f, born: 1983}\n"
SCORES = "# Scores.\n- {date: 2026-02-04, score: 3}\n"


@pytest.fixture
def folder(caseload: Callable[[dict[str, str]], Path]) -> Path:
    root = caseload({"cases/2026-0042/case.yaml": CASE, "cases/2026-0042/genogram.yaml": GENOGRAM,
                     "cases/2026-0042/scores.yaml": SCORES})
    return root / "cases" / "2026-0042"


def scores_in(folder: Path) -> list[str | None]:
    scores, problems = load_document((folder / "scores.yaml").read_bytes(), FILE_KINDS["scores.yaml"], "en")
    assert problems == []
    return [s.note for s in scores]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


APPENDER = """\
import datetime as dt, sys
from pathlib import Path
from gga_cli.caseload import Caseload
from gga_cli.recordings import record_score
folder, worker, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for i in range(count):
    record_score(*Caseload.of_case(str(folder), today=dt.date(2026, 2, 12)), 1 + i % 10, dt.date(2026, 2, 10), note=f"{worker}-{i}")
"""


def test_parallel_processes_keep_every_entry(folder: Path) -> None:
    workers, each = 4, 25
    env = {**os.environ, "GGA_LOCK_TIMEOUT": "120"}
    procs = [subprocess.Popen([sys.executable, "-c", APPENDER, str(folder), f"w{w}", str(each)], env=env, stderr=subprocess.PIPE,
                              text=True) for w in range(workers)]
    for proc in procs:
        assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    notes = scores_in(folder)
    assert len(notes) == 1 + workers * each
    assert sorted(n for n in notes if n) == sorted(f"w{w}-{i}" for w in range(workers) for i in range(each))
    assert leftovers(folder) == []


def test_parallel_commands_through_the_entry_point_keep_every_entry(gga: Run, folder: Path) -> None:
    def worker(w: int) -> list[int]:
        return [gga("score", "5", "--note", f"g{w}-{i}", "--today", "2026-02-12", cwd=folder,
                    env={"GGA_LOCK_TIMEOUT": "120"}).returncode for i in range(4)]

    with ThreadPoolExecutor(3) as pool:
        codes = [code for result in pool.map(worker, range(3)) for code in result]
    assert codes == [0] * 12
    assert sorted(n for n in scores_in(folder) if n) == sorted(f"g{w}-{i}" for w in range(3) for i in range(4))


def test_a_failing_replace_leaves_the_original_and_no_temp_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", broken)
    before = (folder / "scores.yaml").read_bytes()
    with pytest.raises(Refusal) as refused:
        record_score(*opened(folder, dt.date(2026, 2, 12)), 5, dt.date(2026, 2, 10))
    assert str(refused.value) == "kan scores.yaml niet schrijven: Input/output error; scores.yaml is niet veranderd"
    assert (folder / "scores.yaml").read_bytes() == before
    assert leftovers(folder) == []


def test_a_failing_replace_is_a_message_not_a_traceback(folder: Path, tmp_path: Path) -> None:
    script = textwrap.dedent(f"""\
        import errno, os, sys
        def broken(src, dst):
            raise OSError(errno.ENOSPC, "No space left on device")
        os.replace = broken
        sys.argv = ["gga", "score", "5", "--today", "2026-02-12", "--case", {str(folder)!r}]
        from gga_cli.cli import main
        main()
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 1
    assert result.stderr == "gga: kan scores.yaml niet schrijven: No space left on device; scores.yaml is niet veranderd\n"
    assert (folder / "scores.yaml").read_text() == SCORES


# The child appends one score to a large scores.yaml and announces the moment between writing
# the temp file and replacing the original, sleeping there so it can be killed at that point.
KILLED = """\
import datetime as dt, os, sys, time
from pathlib import Path
real = os.replace
def slow(src, dst):
    sys.stdout.write("written\\n"); sys.stdout.flush()
    time.sleep(float(sys.argv[2]))
    real(src, dst)
os.replace = slow
from gga_cli.caseload import Caseload
from gga_cli.recordings import record_score
sys.stdout.write("started\\n"); sys.stdout.flush()
record_score(*Caseload.of_case(sys.argv[1], today=dt.date(2026, 2, 12)), 7, dt.date(2026, 2, 11), note="n" * 50)
"""

NEW_LINE = b'- {date: 2026-02-11, score: 7, note: "' + b"n" * 50 + b'"}\n'


def test_a_write_killed_between_temp_file_and_replace_leaves_the_original(folder: Path) -> None:
    big = SCORES + "".join(f"- {{date: 2026-02-{5 + i % 7:02d}, score: {1 + i % 10}, note: \"regel {i}\"}}\n" for i in range(12000))
    (folder / "scores.yaml").write_text(big)
    child = subprocess.Popen([sys.executable, "-c", KILLED, str(folder), "60"], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline() == "started\n"
    assert child.stdout.readline() == "written\n"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert (folder / "scores.yaml").read_text() == big
    assert len(leftovers(folder)) == 1  # the killed writer's temp file ...
    record_score(*opened(folder, dt.date(2026, 2, 12)), 5, dt.date(2026, 2, 11))
    assert leftovers(folder) == []  # ... is swept by the next writer, under the lock
    assert (folder / "scores.yaml").read_text() == big + "- {date: 2026-02-11, score: 5}\n"


def test_a_write_killed_at_random_points_is_never_torn(folder: Path) -> None:
    big = (SCORES + "".join(f"- {{date: 2026-02-05, score: 4, note: \"regel {i}\"}}\n" for i in range(12000))).encode()
    (folder / "scores.yaml").write_bytes(big)
    chance = random.Random(4)
    for _ in range(8):
        child = subprocess.Popen([sys.executable, "-c", KILLED, str(folder), "0"], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        child.stdout.readline()  # started: the case is being read, edited, validated, written
        time.sleep(chance.uniform(0, 1.2))  # before, during or after the write: any point will do
        child.send_signal(signal.SIGKILL)
        child.wait()
        after = (folder / "scores.yaml").read_bytes()
        assert after in (big, big + NEW_LINE)
        (folder / "scores.yaml").write_bytes(big)
    assert scores_in(folder)[-1] == "regel 11999"


def test_a_lock_held_too_long_is_a_clear_refusal(gga: Run, folder: Path) -> None:
    before = hashlib.sha256((folder / "scores.yaml").read_bytes()).hexdigest()
    with atomic.locked(folder):
        result = gga("score", "5", "--today", "2026-02-12", cwd=folder, env={"GGA_LOCK_TIMEOUT": "0.2"})
    assert result.returncode == 1
    assert result.stderr == (
        "gga: een ander gga-proces bewerkt zaak 2026-0042 al langer dan 0.2 s; niets vastgelegd: probeer het opnieuw\n"
    )
    assert hashlib.sha256((folder / "scores.yaml").read_bytes()).hexdigest() == before


def test_a_lock_timeout_that_is_no_number_is_wrong_use(gga: Run, folder: Path) -> None:
    result = gga("score", "5", "--today", "2026-02-12", cwd=folder, env={"GGA_LOCK_TIMEOUT": "soon"})
    assert (result.returncode, result.stderr) == (2, "gga: GGA_LOCK_TIMEOUT=soon is no number of seconds\n")
