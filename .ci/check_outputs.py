#!/usr/bin/env python
"""Check what the data stages (`make reproduce` or `make data occlusion`) wrote: every identity line in the manifest, FTA
reported, splits identity-disjoint, CelebA-C (both variants) complete with valid masks, executed notebooks present;
with --slice, a training run and its evaluation table; with --learning, that a training run learned (its validation
PSNR rises and ends above the damaged input's).
Usage: python .ci/check_outputs.py --profile smoke --expect-images 1353 [--slice --epochs 1 --max-train-images 64]
       python .ci/check_outputs.py --profile smoke --learning --epochs 3"""
import argparse, sys
from pathlib import Path

import cv2
import numpy as np
import pandas as pd

from occlusion_fr.config import Config
from occlusion_fr.data import LM_ALN_COLS, check_identity_disjoint, read_manifest, read_rgb
from occlusion_fr.occlusion import occlude

ap = argparse.ArgumentParser()
ap.add_argument("--profile", default="smoke")
ap.add_argument("--expect-images", type=int, help="check the prepared faces and CelebA-C: images in the CelebA folder")
ap.add_argument("--slice", action="store_true", help="also check the trained generator and the evaluation table")
ap.add_argument("--learning", action="store_true", help="check that the training run learned (validation PSNR)")
ap.add_argument("--arch", default="vnet")
ap.add_argument("--epochs", type=int, help="the training run's epochs (default: the profile's)")
ap.add_argument("--max-train-images", type=int, help="the training run's cap on faces (default: none)")
ap.add_argument("--work-dir", help="prepared data (default: <repo>/data)")
ap.add_argument("--output-dir", help="runs, tables, executed notebooks (default: <repo>/outputs)")
a = ap.parse_args()
dirs = {k: v for k, v in dict(work_dir=a.work_dir, output_dir=a.output_dir).items() if v}
cfg = Config.from_profile(a.profile, **dirs)
problems = []
def need(cond, msg):
    print(("ok    " if cond else "FAIL  ") + msg)
    if not cond: problems.append(msg)

def executed(make_name: str, stage_notebook: str) -> None:
    "The executed notebook, as `make <target>` writes it or as `make reproduce` does."
    ex = cfg.output_path/"executed"
    found = [p for p in (ex/f"{make_name}.ipynb", ex/a.profile/stage_notebook) if p.is_file()]
    need(bool(found), f"executed notebook {found[0].relative_to(ex) if found else make_name + '.ipynb or ' + a.profile + '/' + stage_notebook}")

def training_run():
    "The run folder of --arch/--epochs/--max-train-images (as 04_train names it) and its history."
    from occlusion_fr.train import run_dir
    rc = Config.from_profile(a.profile, arch=a.arch, max_train_images=a.max_train_images, **dirs,
                             **({"epochs": a.epochs} if a.epochs else {}))
    run = run_dir(rc)
    if not (run/"history.csv").is_file():
        others = sorted(p.name for p in (rc.output_path/"runs").glob("*") if p.is_dir()) if (rc.output_path/"runs").is_dir() else []
        need(False, f"training run {run} has no history.csv (runs there: {others})"); sys.exit(1)
    return rc, run, pd.read_csv(run/"history.csv")

if a.expect_images is None and not (a.slice or a.learning): ap.error("nothing to check: give --expect-images, --slice or --learning")

def check_data():
    m = read_manifest(cfg)
    need(len(m) == a.expect_images, f"manifest has {len(m)} rows (expected {a.expect_images})")
    need(m.status.notna().all(), "every row has a status")
    check_identity_disjoint(m); need(True, f"splits identity-disjoint: {m.groupby('split').identity.nunique().to_dict()}")
    rep = pd.read_csv(cfg.aligned_dir()/"fta_report.csv").set_index("split")
    need("fta" in rep.columns and rep.loc["all", "images"] == a.expect_images, f"FTA report: {int(rep.loc['all','fta'])} FTA ({100*rep.loc['all','fta_rate']:.2f} %)")
    ok = m[m.status == "ok"]
    need(all((cfg.aligned_dir()/p).is_file() for p in ok.aligned), f"{len(ok)} aligned faces on disk")
    for variant in ("paper", "authors-code"):
        d = cfg.celeba_c_dir(variant, cfg.seed)
        meta = pd.read_csv(d/"metadata.csv", dtype={"image_id": str})
        need(set(meta.image_id) == set(ok.image_id), f"CelebA-C {variant}: {len(meta)} images = faces prepared")
        need(all((d/p).is_file() for p in meta.occluded) and all((d/p).is_file() for p in meta["mask"]), f"CelebA-C {variant}: files on disk")
        mk = cv2.imread(str(d/meta["mask"].iloc[0]), cv2.IMREAD_UNCHANGED)
        need(mk.ndim == 2 and set(np.unique(mk)) <= {0, 255} and mk.shape == (cfg.image_size,)*2, f"CelebA-C {variant}: single-channel 0/255 masks")
        same = 0
        for r in meta.sample(min(25, len(meta)), random_state=0).to_dict("records"):   # regenerate: identical pixels
            face = read_rgb(cfg.aligned_dir()/r["aligned"]); lm = ok.set_index("image_id").loc[r["image_id"], LM_ALN_COLS]
            occ, mask, _ = occlude(face, r["image_id"], cfg.seed, variant, lm.to_numpy(np.float32).reshape(5, 2))
            same += np.array_equal(occ, read_rgb(d/r["occluded"])) and np.array_equal(mask, cv2.imread(str(d/r["mask"]), cv2.IMREAD_UNCHANGED))
        need(same == min(25, len(meta)), f"CelebA-C {variant}: {same} sampled images regenerate pixel-identical")
        print(f"      coverage [{variant}] mean {meta.coverage.mean():.2f} %, min {meta.coverage.min():.2f} %, max {meta.coverage.max():.2f} %")
    for nb in ("01_data", "02_occlusion"): executed(f"{nb}-{a.profile}", f"{nb}.ipynb")

if a.expect_images is not None: check_data()
if a.learning:
    rc, run, hist = training_run()
    need(len(hist) == rc.epochs, f"training run {run.name}: {len(hist)}/{rc.epochs} epochs")
    print(hist[["epoch", "val_psnr", "val_ssim", "val_psnr_hole", "damaged_psnr", "train_images_per_s"]].round(3).to_string(index=False))
    # GAN training is noisy from epoch to epoch (smoke, seed 0, AMD EPYC: 17.9, 24.4, 25.9, 25.9, 27.6 dB against the
    # damaged input's 25.9 dB), so the best epoch must beat the damaged input and the last must be well above the first
    first, last, best = hist.iloc[0], hist.iloc[-1], hist.loc[hist.val_psnr.idxmax()]
    need(last.val_psnr > first.val_psnr + 3, f"validation PSNR rises: {first.val_psnr:.2f} dB after epoch 1, {last.val_psnr:.2f} dB after epoch {int(last.epoch)}")
    need(best.val_psnr > best.damaged_psnr, f"the output's validation PSNR {best.val_psnr:.2f} dB (epoch {int(best.epoch)}) is above the damaged input's {best.damaged_psnr:.2f} dB")
if a.slice:
    cfg, run, hist = training_run()
    need(len(hist) == cfg.epochs and (run/"generator.safetensors").is_file() and (run/"last.pt").is_file(),
         f"training run {run.name}: {len(hist)}/{cfg.epochs} epochs, generator and checkpoint written")
    last = hist.iloc[-1]
    print(f"      last epoch: val PSNR {last.val_psnr:.2f} dB (damaged {last.damaged_psnr:.2f}), SSIM {last.val_ssim:.4f}, "
          f"{last.train_images_per_s:.2f} train img/s")
    from occlusion_fr.train import load_generator
    import torch
    g, meta = load_generator(run/"generator.safetensors")
    x = torch.rand(2, 3, cfg.image_size, cfg.image_size)
    with torch.no_grad(): y = g(x)
    need(y.shape == x.shape and float(y.min()) >= 0 and float(y.max()) <= 1, f"generator loads ({meta['arch']}), output in [0, 1]")
    t = pd.read_csv(cfg.output_path/"tables"/"slice.csv").set_index("condition")
    need(list(t.index) == ["Original", "Damaged", "Reconstructed", "Inpainted"] and t[["tpr", "fpr", "eer"]].notna().all().all(),
         "slice table: 4 conditions with verification figures")
    need(t.loc[["Damaged", "Reconstructed", "Inpainted"], ["psnr", "ssim"]].notna().all().all(), "slice table: PSNR/SSIM per condition")
    print(t[["psnr", "ssim", "psnr_hole", "acc", "tpr", "fpr", "tar@far=0.01", "eer"]].round(4).to_string())
    need((cfg.output_path/"tables"/"slice.md").is_file() and (cfg.output_path/"figures"/"slice_roc.html").is_file(), "slice.md and ROC figure written")
    tag = f"{a.arch}{f'-e{a.epochs}' if a.epochs else ''}-{a.profile}"             # as the Makefile's RUN_TAG
    executed(f"04_train-{tag}", "04_train.ipynb"); executed(f"08_evaluate-{tag}", "08_evaluate.ipynb")
sys.exit(1 if problems else 0)
