# occlusion_fr — common tasks. `make help` lists them.
SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
PROFILE ?= smoke
# ARCH: the generator of make train/evaluate/slice; empty: the profile's (smoke, paper: vnet; cpu: telea-refine)
ARCH ?=
SEED ?= 0
# MAX_IMAGES: make data/occlusion on the first N CelebA images only (empty: all)
MAX_IMAGES ?=
# pinned wheels of torch that match the rest of the stack (CPU machines and CUDA 12/13 alike); see README
TORCH_PINS ?= torch==2.14.1 torchvision==0.29.1
EPOCHS ?=
LEARN_EPOCHS ?= 5
NBTEST_WORKERS ?=
EXECUTED := outputs/executed
PM_PARAMS := -p profile $(PROFILE) -p seed $(SEED) $(if $(DATA),-p data_dir $(DATA),) $(if $(MAX_IMAGES),-p max_images $(MAX_IMAGES),)
PM_RUN := $(if $(ARCH),-p arch $(ARCH),) $(if $(EPOCHS),-p epochs $(EPOCHS),)
RUN_TAG := $(or $(ARCH),default)$(if $(EPOCHS),-e$(EPOCHS),)-$(PROFILE)

.PHONY: help install test sync structure reproduce slice learn data occlusion train evaluate tables table8 identity report benchmark readme clean-outputs lab

help:
	@grep -E '^[a-z0-9-]+:.*?## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/python:
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python ## create .venv and install the package with its dev tools
	$(BIN)/pip install --quiet $(TORCH_PINS)
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/pip check

test: ## run every notebook as a test (nbdev_test; NBTEST_WORKERS=2 at a time), each notebook's seconds (slowest first at the end), "N passed, N failed"
	PATH="$(abspath $(BIN)):$$PATH" $(if $(NBTEST_WORKERS),NBTEST_WORKERS=$(NBTEST_WORKERS),) $(BIN)/python .ci/nbtest.py

structure: ## the shape of the house: import cycles, imports of a later pipeline stage, exported cell sizes, Config fields (STRICT=1: fail unless issue 18's bounds hold)
	$(BIN)/python .ci/structure.py $(if $(STRICT),--strict,)

sync: ## check that notebooks, package and README agree (nbdev_export / nbdev_clean / readme leave no change)
	PATH="$(abspath $(BIN)):$$PATH" bash .ci/sync-check

STAGES ?=
STATIC ?= auto
SET ?=
reproduce: ## the main job: every experiment notebook (data, CelebA-C, training, Tables 1-8, identity) through papermill in dependency order, up-to-date stages skipped, then outputs/report.html and PNG/SVG figures. PROFILE=smoke|paper (cpu: make train/evaluate/slice only), STAGES=table4,table6, FORCE=1, SET="epochs=2 bins=0,1", STATIC=auto|require|off
	$(BIN)/occlusion-fr reproduce --profile $(PROFILE) --seed $(SEED) $(if $(DATA),--data-dir $(DATA),) \
	  $(if $(STAGES),--stages $(STAGES),) $(if $(FORCE),--force,) --static $(STATIC) $(foreach s,$(SET),--set $(s))

slice: data occlusion train evaluate ## one generator (ARCH, default the profile's) at the profile's full training length (PROFILE=cpu: telea-refine, the best this CPU trains, 20 epochs, about 33 min on 2 cores; smoke: V-Net, 14 epochs on every training face, about 25 min on 2 cores; not in CI, which runs `make learn`): data, CelebA-C, GAN training, evaluation table

learn: ## the CI's learning check: V-Net for LEARN_EPOCHS=5 epochs on every training face (prepared by make data occlusion or make reproduce; about 8 min on 2 cores), then its validation PSNR must rise above the damaged input's
	$(MAKE) train EPOCHS=$(LEARN_EPOCHS) ARCH=$(or $(ARCH),vnet)
	$(BIN)/python .ci/check_outputs.py --profile $(PROFILE) --arch $(or $(ARCH),vnet) --learning --epochs $(LEARN_EPOCHS)

data: ## 01_data through papermill: detect, align, manifest, FTA report
	@mkdir -p $(EXECUTED)
	$(BIN)/papermill nbs/01_data.ipynb $(EXECUTED)/01_data-$(PROFILE).ipynb --cwd nbs $(PM_PARAMS)

occlusion: ## 02_occlusion through papermill: CelebA-C (both start variants), figures, coverage statistics
	@mkdir -p $(EXECUTED)
	$(BIN)/papermill nbs/02_occlusion.ipynb $(EXECUTED)/02_occlusion-$(PROFILE).ipynb --cwd nbs $(PM_PARAMS)

train: ## 04_train through papermill: GAN training of ARCH (default: the profile's generator) at the profile's size and length (EPOCHS=… for another; resumes)
	@mkdir -p $(EXECUTED)
	$(BIN)/papermill nbs/04_train.ipynb $(EXECUTED)/04_train-$(RUN_TAG).ipynb --cwd nbs $(PM_PARAMS) $(PM_RUN)

evaluate: ## 08_evaluate through papermill: reconstruction, PSNR/SSIM, dlib verification of the run make train wrote (same ARCH, EPOCHS) -> outputs/tables/
	@mkdir -p $(EXECUTED)
	$(BIN)/papermill nbs/08_evaluate.ipynb $(EXECUTED)/08_evaluate-$(RUN_TAG).ipynb --cwd nbs $(PM_PARAMS) $(PM_RUN)

tables: ## Tables 1-8 only, as make reproduce runs them (same budget, stamps and reuse): make reproduce STAGES=table1,...,table8
	$(MAKE) reproduce STAGES=table1,table2,table3,table4,table5,table6,table7,table8

table8: ## Table 8 only (the enhancers after reconstruction: the four networks where their weights are here, and the classical unsharp mask, which needs none): make reproduce STAGES=table8
	$(MAKE) reproduce STAGES=table8

identity: ## the identity-loss experiment only (19_identity, with and without the term): make reproduce STAGES=identity
	$(MAKE) reproduce STAGES=identity

report: ## outputs/report.html alone, from the tables and figures already written (missing ones named with the make reproduce stage that writes them)
	$(BIN)/python -c "from occlusion_fr.config import Config; from occlusion_fr.report import build_report; print(build_report(Config.from_profile('$(PROFILE)')))"

benchmark: ## CelebA-C generation images/s at 256² vs a per-image PIL version; generator inference/training images/s; every generator's GMAC, img/s and share of the CPU's peak with PyTorch, ONNX Runtime and int8 (outputs/bench/generators.csv, read by the claims check); quality metrics; recognizers batched vs per-image
	$(BIN)/occlusion-fr benchmark occlusion --size 256
	$(BIN)/occlusion-fr benchmark generator --profile smoke
	$(BIN)/occlusion-fr benchmark generators --size 256 --backend torch onnxruntime onnxruntime-int8 --csv outputs/bench/generators.csv
	$(BIN)/occlusion-fr benchmark quality --n 10000 --size 256
	$(BIN)/occlusion-fr benchmark recognizers

readme: ## regenerate README.md from nbs/index.ipynb
	$(BIN)/python .ci/readme.py

lab: ## JupyterLab on nbs/
	$(BIN)/jupyter lab nbs

clean-outputs: ## remove executed notebooks, tables and figures (keeps data/)
	find outputs -mindepth 1 ! -name .gitkeep ! -name README.md -delete
