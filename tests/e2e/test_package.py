"""`pip install .` gives a working `briefing` command, templates and styles included.

The wheel is built from this checkout and installed, without its dependencies, into a
fresh virtual environment that borrows the test environment's packages (no download),
then run from a folder far from the source tree so nothing is found by accident.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv

from tests.conftest import EXAMPLE, ROOT


def test_installed_wheel_builds_the_example(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(wheels), str(ROOT)], check=True, capture_output=True)
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=False)
    site = next((env_dir / "lib").glob("python*/site-packages"))
    (site / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    wheel = next(wheels.glob("briefing-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"), "install",
                    "--quiet", "--no-deps", str(wheel)], check=True, capture_output=True)

    work = tmp_path / "elsewhere"
    work.mkdir()
    result = subprocess.run([str(env_dir / "bin" / "briefing"), "build", str(EXAMPLE), "-o", "out"],
                            cwd=work, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for ext in ("md", "html", "pdf", "json"):
        assert (work / "out" / f"brief.{ext}").stat().st_size > 0
    # the command ran the installed copy, not this checkout
    where = subprocess.run([str(env_dir / "bin" / "python"), "-c", "import briefing; print(briefing.__file__)"],
                           cwd=work, capture_output=True, text=True)
    assert str(site) in where.stdout
    main = subprocess.run([str(env_dir / "bin" / "python"), "-m", "briefing", "--version"], cwd=work,
                          capture_output=True, text=True)
    assert main.stdout.strip().startswith("briefing ")
