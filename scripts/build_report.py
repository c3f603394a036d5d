"""Execute every notebook headless with nbconvert and write one HTML page each to output/."""

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "output"


def execute(nb: Path, out_dir: Path = OUTPUT, timeout: int = 900) -> Path:
    """Run one notebook top to bottom (cwd = notebooks/) and export it as HTML."""
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "nbconvert",
        "--to",
        "html",
        "--execute",
        f"--ExecutePreprocessor.timeout={timeout}",
        "--output-dir",
        str(out_dir),
        str(nb),
    ]
    subprocess.run(cmd, check=True, cwd=nb.parent)
    return out_dir / f"{nb.stem}.html"


def main() -> None:
    """Build the whole report."""
    OUTPUT.mkdir(exist_ok=True)
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        t0 = time.perf_counter()
        html = execute(nb)
        print(f"{html.relative_to(ROOT)}  ({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
