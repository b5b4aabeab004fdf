#!/usr/bin/env python
"""Run every notebook under nbs/ with nbdev_test (one process per notebook, NBTEST_WORKERS at a time, default 2),
print each notebook's seconds as it finishes and, at the end, all of them slowest first, then one summary line
`N passed, N failed`. Extra arguments go to nbdev_test (e.g. --flags slow).
Each notebook gets cores / workers threads (OMP_NUM_THREADS, unless set): two notebooks with two torch threads each on
two cores spin against each other (measured on 2 AMD EPYC cores: 4 torch-heavy notebooks 145 s -> 87 s wall)."""
import os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

root = Path(__file__).resolve().parents[1]
nbs = sorted(p for p in (root/"nbs").rglob("*.ipynb")
             if not any(part.startswith((".", "_")) for part in p.relative_to(root/"nbs").parts))
extra = sys.argv[1:]
try: workers = int(os.environ.get("NBTEST_WORKERS") or min(2, os.cpu_count() or 1))
except ValueError: sys.exit(f"NBTEST_WORKERS={os.environ['NBTEST_WORKERS']!r}: expected a number of parallel notebooks (e.g. 2)")
if workers < 1: sys.exit(f"NBTEST_WORKERS={workers}: expected at least 1")

cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
threads = str(max(1, cores // workers))
env = {**os.environ, **{v: os.environ.get(v, threads) for v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS")}}

def run(nb: Path):
    t = time.time()
    r = subprocess.run(["nbdev_test", "--path", str(nb), "--n_workers", "0", *extra], cwd=root,
                       capture_output=True, text=True, env=env)
    return nb, r.returncode, time.time() - t, r.stdout + r.stderr

t0, results = time.time(), []
print(f"{len(nbs)} notebooks, {workers} at a time, {env['OMP_NUM_THREADS']} thread(s) each", flush=True)
with ThreadPoolExecutor(workers) as ex:
    for nb, rc, dt, out in ex.map(run, nbs):
        results.append((nb, rc, dt))
        print(f"{'PASS' if rc == 0 else 'FAIL'}  {nb.relative_to(root)}  ({dt:.0f} s)", flush=True)
        if rc: print("\n".join("    " + l for l in out.strip().splitlines()[-40:]), flush=True)
wall, busy = time.time() - t0, sum(dt for *_, dt in results)
print(f"\nseconds per notebook, slowest first ({busy:.0f} s in all, {wall:.0f} s wall with {workers} workers):")
for nb, rc, dt in sorted(results, key=lambda r: -r[2]):
    print(f"  {dt:6.1f}  {nb.relative_to(root/'nbs')}{'' if rc == 0 else '  FAILED'}")
failed = sum(rc != 0 for _, rc, _ in results)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed or not results else 0)
