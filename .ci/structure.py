"""Measure the shape of the house (issue 18's acceptance instruments): the package's import graph (top-level and
function-level imports: cycles, and imports of a later pipeline stage), the size of exported notebook cells, and the
number of `Config` fields. Prints the figures; `--strict` exits 1 unless every acceptance bound of issue 18 holds
(no cycle, no later-stage import, longest exported cell <= 60 lines, median <= 20).

    python .ci/structure.py [--strict] [--root .]
"""
from __future__ import annotations

import argparse
import ast
import json
import statistics
import sys
from pathlib import Path

from occlusion_fr.provenance import PACKAGE as PKG, internal_imports


def module_stages(root: Path) -> dict[str, str]:
    "Each exported module's pipeline stage: the stem of the notebook whose `default_exp` writes it (`03b_vnet`)."
    stages = {}
    for nb in sorted((root/"nbs").glob("*.ipynb")):
        for cell in json.loads(nb.read_text())["cells"]:
            for line in "".join(cell["source"]).splitlines():
                if line.replace(" ", "").startswith("#|default_exp"):
                    stages.setdefault(f"{PKG}.{line.split('default_exp', 1)[1].strip()}", nb.stem)
    return stages


def import_graph(root: Path) -> dict[str, dict[str, bool]]:
    """`{module: {imported module: at top level?}}` over every package module (not `_modidx`), imports inside functions
    included: the same import resolution as the stage keys (`provenance.internal_imports`)."""
    pkg = root/PKG
    mods = sorted(".".join((PKG, *p.relative_to(pkg).with_suffix("").parts)).removesuffix(".__init__")
                  for p in pkg.rglob("*.py") if p.name != "_modidx.py")
    graph = {}
    for m in mods:
        top = internal_imports(m, pkg, top_level=True)
        if edges := internal_imports(m, pkg): graph[m] = {b: b in top for b in sorted(edges)}
    return graph


def cycles(graph: dict[str, dict[str, bool]]) -> list[list[str]]:
    "Strongly connected components with more than one module (Tarjan), each sorted."
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    def visit(v):
        index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
        for w in graph.get(v, {}):
            if w not in index: visit(w); low[v] = min(low[v], low[w])
            elif w in on: low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1: out.append(sorted(comp))
    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index: visit(v)
    return sorted(out)


def later_stage_imports(graph, stages) -> list[tuple[str, str, str, str, bool]]:
    "(module, imported, its stage, imported's stage, top level?) for every import of a module of a later notebook."
    def stage(m):
        while m and m not in stages: m = m.rpartition(".")[0]
        return stages.get(m)
    return sorted((a, b, stage(a), stage(b), top) for a, edges in graph.items() for b, top in edges.items()
                  if stage(a) and stage(b) and stage(b) > stage(a))


def exported_cells(root: Path) -> list[tuple[str, int, int]]:
    "(notebook, cell index, lines) of every `#| export`/`#| exports` cell."
    out = []
    for nb in sorted((root/"nbs").glob("*.ipynb")):
        for i, cell in enumerate(json.loads(nb.read_text())["cells"]):
            src = "".join(cell["source"]).splitlines()
            if cell["cell_type"] == "code" and src and src[0].replace(" ", "") in ("#|export", "#|exports"):
                out.append((nb.name, i, len(src) - 1))
    return out


def config_fields(root: Path) -> int:
    tree = ast.parse((root/PKG/"config.py").read_text())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Config")
    return sum(isinstance(n, ast.AnnAssign) for n in cls.body)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=".")
    ap.add_argument("--strict", action="store_true", help="exit 1 unless every bound of issue 18 holds")
    args = ap.parse_args(argv)
    root = Path(args.root).resolve()
    graph, stages = import_graph(root), module_stages(root)
    cyc, later = cycles(graph), later_stage_imports(graph, stages)
    cells = exported_cells(root)
    sizes = [n for *_, n in cells]
    med, longest = statistics.median(sizes), max(sizes)
    n_lazy = sum(not top for edges in graph.values() for top in edges.values())
    print(f"import graph: {len(graph)} modules, {sum(map(len, graph.values()))} package imports "
          f"({n_lazy} inside functions)")
    print(f"cycles: {len(cyc)}")
    for c in cyc: print("  " + " ⇄ ".join(c))
    print(f"imports of a later pipeline stage: {len(later)}")
    for a, b, sa, sb, top in later: print(f"  {a} ({sa}) -> {b} ({sb}){'' if top else ', inside a function'}")
    print(f"exported cells: {len(cells)}, lines median {med:g}, longest {longest}, "
          f"over 60 lines {sum(n > 60 for n in sizes)}, 100 or more {sum(n >= 100 for n in sizes)}")
    for nb, i, n in sorted(cells, key=lambda c: -c[2])[:5]: print(f"  {n:4d} lines  {nb} cell {i}")
    print(f"Config fields: {config_fields(root)}")
    ok = not cyc and not later and longest <= 60 and med <= 20
    print("issue 18 bounds:", "met" if ok else "not met (no cycle, no later-stage import, longest <= 60, median <= 20)")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
