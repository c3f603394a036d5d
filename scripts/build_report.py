"""Execute every notebook headless (nbconvert) into output/<name>.html, then write output/index.html."""

import subprocess
import sys
import time
from pathlib import Path

from report_index import local_refs, write_index

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
    """Build the whole report: every notebook, then the index page (checked for broken links).

    A notebook that fails loses its stale page, so the index lists it as "not built"; the
    other notebooks and the index are still built, and the command then exits non-zero.
    """
    OUTPUT.mkdir(exist_ok=True)
    failed = []
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        (OUTPUT / f"{nb.stem}.html").unlink(missing_ok=True)
        t0 = time.perf_counter()
        try:
            html = execute(nb)
        except subprocess.CalledProcessError:
            failed.append(nb.name)
            print(f"FAILED {nb.relative_to(ROOT)}  ({time.perf_counter() - t0:.1f} s)")
            continue
        print(f"{html.relative_to(ROOT)}  ({time.perf_counter() - t0:.1f} s)")
    index = write_index(OUTPUT, ROOT / "notebooks")
    broken = [r for r in local_refs(index) if not (OUTPUT / r).is_file()]
    if broken:
        raise SystemExit(f"{index}: broken links {broken}")
    print(f"{index.relative_to(ROOT)}")
    if failed:
        raise SystemExit(f"notebooks that failed to execute: {failed}")


if __name__ == "__main__":
    main()
