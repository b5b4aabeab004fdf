#!/usr/bin/env python
"""Run every notebook under nbs/ with nbdev_test (one process per notebook, N at a time) and print
one summary line `N passed, N failed`. Extra arguments go to nbdev_test (e.g. --flags slow)."""
import os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

root = Path(__file__).resolve().parents[1]
nbs = sorted(p for p in (root/"nbs").rglob("*.ipynb")
             if not any(part.startswith((".", "_")) for part in p.relative_to(root/"nbs").parts))
extra = sys.argv[1:]
workers = int(os.environ.get("NBTEST_WORKERS", min(2, os.cpu_count() or 1)))

def run(nb: Path):
    t = time.time()
    r = subprocess.run(["nbdev_test", "--path", str(nb), "--n_workers", "0", *extra], cwd=root,
                       capture_output=True, text=True)
    return nb, r.returncode, time.time() - t, r.stdout + r.stderr

results = []
with ThreadPoolExecutor(workers) as ex:
    for nb, rc, dt, out in ex.map(run, nbs):
        results.append((nb, rc))
        print(f"{'PASS' if rc == 0 else 'FAIL'}  {nb.relative_to(root)}  ({dt:.0f} s)", flush=True)
        if rc: print("\n".join("    " + l for l in out.strip().splitlines()[-40:]), flush=True)
failed = sum(rc != 0 for _, rc in results)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed or not results else 0)
