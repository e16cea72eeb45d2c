"""The one way tests run the command line.

`run_cli` runs `briefing ARGS...` in this process by default (briefing.cli.main, with its
standard streams, environment and working folder swapped for the call), which is what a user
sees minus the interpreter start-up; `subprocess=True` runs a real `python -m briefing` for
what only a process shows (signals, pipes, terminals, an installed package).
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess as _subprocess
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, env: dict | None = None, cwd: Path = ROOT, subprocess: bool = False,
            timeout: float = 300) -> _subprocess.CompletedProcess:
    """`briefing ARGS...` with `env` added to the environment, from the folder `cwd`."""
    if subprocess:
        full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
        return _subprocess.run([sys.executable, "-m", "briefing", *args], cwd=cwd, env=full_env,
                               capture_output=True, text=True, timeout=timeout)
    from briefing.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    os.environ.update(env or {})
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: --help, --version and usage errors
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
            except Exception:  # noqa: BLE001 - shown as a process would show it, for tests to assert on
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return _subprocess.CompletedProcess(["briefing", *args], code, out.getvalue(), err.getvalue())


def count_pools(monkeypatch) -> list[int]:
    """The number of workers of each process pool started from now on (parallel.py's pools),
    in a list that fills as they start."""
    import multiprocessing

    pools, real = [], multiprocessing.get_context

    class Context:
        def __init__(self, inner):
            self.inner = inner

        def Pool(self, n):  # noqa: N802 - multiprocessing's name
            pools.append(n)
            return self.inner.Pool(n)

    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: Context(real(method)))
    return pools
