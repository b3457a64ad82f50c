"""The ``vbvr-trainer`` command line: export samples, run the CPU scaling study, prepare and train Wan2.2 LoRA.

Exit codes: 0 success, 1 a run failed, 2 bad usage (bad option value, missing input).
"""

from __future__ import annotations

import json
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from vbvr_core.cli.usage import MAX_SEED, deprecated, fail_usage

app = typer.Typer(
    name="vbvr-trainer",
    help="VBVR trainer: export samples (HF datasets, WebDataset), run the CPU data-scaling study, "
    "prepare Wan2.2 data in DiffSynth-Studio's layout and fine-tune Wan2.2 image-to-video with LoRA.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
errors = Console(stderr=True)


def _task_list(tasks: str | None) -> list[str] | None:
    if not tasks:
        return None
    from vbvr_core.contract.keys import InvalidTaskKey, validate_key

    try:
        return [validate_key(key.strip()) for key in tasks.split(",") if key.strip()]
    except InvalidTaskKey as error:
        raise fail_usage(str(error)) from None


class ExportFormat(StrEnum):
    """Output formats of ``export``."""

    hf = "hf"
    webdataset = "webdataset"


@app.command("export")
def export_command(
    samples: Annotated[str, typer.Option("--samples", help="Sample folder or prefix (local path, s3://…).")],
    to: Annotated[ExportFormat, typer.Option("--to", help="hf: a Hugging Face datasets folder; webdataset: tar shards.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")],
    tasks: Annotated[str | None, typer.Option("--tasks", help="Comma-separated task keys to keep (default: all).")] = None,
    samples_per_shard: Annotated[int, typer.Option("--samples-per-shard", min=1, help="WebDataset samples per tar shard.")] = 1000,
) -> None:
    """Write a sample set as a Hugging Face datasets folder or as WebDataset tar shards."""
    from vbvr_trainer.export import export_hf, export_webdataset
    from vbvr_trainer.locate import NoSamplesError

    try:
        if to is ExportFormat.hf:
            rows = export_hf(samples, out, _task_list(tasks))
            console.print(f"wrote {rows} rows to {out} (load with datasets.load_dataset({str(out)!r}))")
        else:
            shards = export_webdataset(samples, out, _task_list(tasks), samples_per_shard)
            console.print(f"wrote {len(shards)} WebDataset shard(s) to {out}")
    except NoSamplesError as error:
        raise fail_usage(str(error)) from None
    except OSError as error:
        raise fail_usage(_unwritable_message(out, error)) from None


def _unwritable_message(out: Path, error: OSError) -> str:
    """One paragraph for an export that could not be written: the path, the system's reason, the fix."""
    where = error.filename if error.filename is not None else out
    reason = error.strerror or str(error)
    return (f"cannot write the export to {str(out)!r}: {reason} ({where}). Nothing usable was written. "
            "Give --out a folder you can create and write to (its parent must be a writable directory, "
            "not a file), or fix that folder's permissions, then run the command again.")


def _parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise fail_usage(f"--sizes must be comma-separated integers, got {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise fail_usage(f"--sizes needs positive integers, got {text!r}")
    return sizes


@app.command("scaling")
def scaling_command(
    out: Annotated[Path, typer.Option("--out", help="Output folder (samples, runs/, videos, scaling.json/.md/.png).")],
    tasks_id: Annotated[str | None, typer.Option("--tasks-id", help="In-domain task specs: KEY[@dN[-M]],… (default: the study's design tasks when installed).")] = None,
    tasks_ood: Annotated[str | None, typer.Option("--tasks-ood", help="Out-of-domain task specs, same syntax.")] = None,
    sizes: Annotated[str | None, typer.Option("--sizes", help="Training samples per in-domain task, e.g. 3,10,30,100,300.")] = None,
    seeds: Annotated[int | None, typer.Option("--seeds", min=1, help="Training seeds per size.")] = None,
    quick: Annotated[bool, typer.Option("--quick", help="Smoke run: N = 3,10,30, 2 seeds, 5 test samples per task, 60–150 steps.")] = False,
    max_steps: Annotated[int | None, typer.Option("--max-steps", min=1, help="Step cap of any run.")] = None,
    min_steps: Annotated[int | None, typer.Option("--min-steps", min=1, help="Step budget of the smallest runs.")] = None,
    epochs: Annotated[float | None, typer.Option("--epochs", min=0.1, help="Step budget = epochs × training samples / batch, clamped to \\[min-steps, max-steps] steps; runs stop earlier at a plateau of held-out loss.")] = None,
    test_per_task: Annotated[int | None, typer.Option("--test-per-task", min=1, help="Held-out test samples per task.")] = None,
    val_per_task: Annotated[int | None, typer.Option("--val-per-task", min=1, help="Validation samples per in-domain task (the held-out loss that stops training).")] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, max=MAX_SEED, help="Study seed (samples and runs derive from it).")] = 0,
    workers: Annotated[int | None, typer.Option("--workers", min=1, show_default=False, help="Runs trained at once, in worker processes of one torch thread each (default: 1).")] = None,
    threads: Annotated[int, typer.Option("--threads", min=1, help="torch CPU threads of the main process (1 is fastest on a shared machine).")] = 1,
    jobs: Annotated[int | None, typer.Option("--jobs", min=1, hidden=True, help="Deprecated: use --workers.")] = None,
) -> None:
    """Train a small clip U-Net on N samples per task and report bench scores against N (in- and out-of-domain).

    Each finished (N, seed) run is kept under OUT/runs/; rerunning the same command resumes where it stopped.
    """
    import torch

    from vbvr_trainer.scaling.report import TABLE_COLUMNS, table_rows
    from vbvr_trainer.scaling.specs import default_specs, parse_specs
    from vbvr_trainer.scaling.study import StudyConfig, quick_config, run_study

    workers = deprecated("--workers", workers, "--jobs", jobs, 1)
    parsed_sizes = _parse_sizes(sizes) if sizes else None
    try:
        if tasks_id or tasks_ood:
            if not (tasks_id and tasks_ood):
                raise fail_usage("give both --tasks-id and --tasks-ood, or neither (defaults from installed tasks)")
            specs_id, specs_ood = parse_specs(tasks_id), parse_specs(tasks_ood)
            note = "tasks given on the command line"
        else:
            specs_id, specs_ood, note = default_specs()
        config = quick_config(specs_id, specs_ood, note) if quick else StudyConfig(specs_id, specs_ood, task_note=note)
        for name, value in (("sizes", parsed_sizes), ("seeds", seeds), ("max_steps", max_steps),
                            ("min_steps", min_steps), ("epochs", epochs), ("test_per_task", test_per_task),
                            ("val_per_task", val_per_task)):
            if value is not None:
                setattr(config, name, value)
        config.seed = seed
        config.__post_init__()
    except (ValueError, LookupError) as error:
        raise fail_usage(str(error)) from None
    torch.set_num_threads(threads)
    console.print(f"[bold]tasks:[/] {note}")
    started, cpu_started, children_started = time.perf_counter(), time.process_time(), _children_cpu_seconds()
    report = run_study(config, out, tick=console.print, jobs=workers)
    report["wall_seconds"] = time.perf_counter() - started
    report["cpu_seconds_main_process"] = time.process_time() - cpu_started
    # worker processes (sample making, training, scoring) have ended and been waited for by now; their share is
    # taken first, so with none it adds exactly 0 (main + x - x rounds below main)
    children = max(0.0, _children_cpu_seconds() - children_started)
    report["cpu_seconds"] = report["cpu_seconds_main_process"] + children
    (Path(out) / "scaling.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    table = Table(title="bench score vs training samples per task: mean [95 % CI] over seeds and test samples")
    for column in TABLE_COLUMNS:
        table.add_column(column)
    for row in table_rows(report):
        table.add_row(*row)
    console.print(table)
    for line in report["summary"]:
        console.print(f"- {line}", highlight=False)
    console.print(f"wrote {Path(out) / 'scaling.json'}, scaling.md and scaling.png in {report['wall_seconds']:.0f} s "
                  f"wall, {report['cpu_seconds']:.0f} s CPU (all processes of this invocation)", highlight=False)


def _children_cpu_seconds() -> float:
    """User + system CPU seconds of this process's ended, waited-for child processes (0 where unknown)."""
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@app.command("prepare-wan")
def prepare_wan_command(
    samples: Annotated[str, typer.Option("--samples", help="Sample folder or prefix (local path, s3://…).")],
    out: Annotated[Path, typer.Option("--out", help="Output folder (metadata.csv, videos/, images/).")],
    size: Annotated[int, typer.Option("--size", help="Square frame size (multiple of 16).")] = 384,
    num_frames: Annotated[int, typer.Option("--num-frames", help="Frames per video, of the form 4k+1.")] = 81,
    tasks: Annotated[str | None, typer.Option("--tasks", help="Comma-separated task keys to keep (default: all).")] = None,
) -> None:
    """Write metadata.csv (video,prompt,input_image), videos and first frames in DiffSynth-Studio's Wan layout."""
    from vbvr_trainer.locate import NoSamplesError
    from vbvr_trainer.wan_data import prepare_wan

    try:
        prepared = prepare_wan(samples, out, size=size, num_frames=num_frames, tasks=_task_list(tasks))
    except (NoSamplesError, ValueError) as error:
        raise fail_usage(str(error)) from None
    console.print(f"wrote {prepared.rows} rows to {prepared.metadata_csv} ({size}×{size}, {num_frames} frames)")


class Expert(StrEnum):
    """Wan2.2-A14B's two experts."""

    high = "high"
    low = "low"


@app.command("lora-wan")
def lora_wan_command(
    data: Annotated[Path, typer.Option("--data", help="A folder written by prepare-wan (metadata.csv).")],
    out: Annotated[Path, typer.Option("--out", help="Where the LoRA weights, config and losses go.")],
    checkpoint: Annotated[Path | None, typer.Option("--checkpoint", help="Local Wan2.2-I2V-A14B-Diffusers folder.")] = None,
    tiny: Annotated[bool, typer.Option("--tiny", help="Train a tiny randomly initialised Wan (CPU smoke run, no weights).")] = False,
    text_embeddings: Annotated[Path | None, typer.Option("--text-embeddings", help="Folder from encode-prompts (needed with --checkpoint).")] = None,
    expert: Annotated[Expert, typer.Option("--expert", help="high: timesteps 1000–900; low: 900–0 (boundary 0.358).")] = Expert.high,
    rank: Annotated[int, typer.Option("--rank", min=1, help="LoRA rank.")] = 32,
    learning_rate: Annotated[float, typer.Option("--lr", help="AdamW learning rate.")] = 1e-4,
    steps: Annotated[int, typer.Option("--steps", min=1, help="Optimiser steps.")] = 1000,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Clips per optimiser step.")] = 1,
    size: Annotated[int, typer.Option("--size", help="Square frame size (multiple of 16).")] = 384,
    num_frames: Annotated[int, typer.Option("--num-frames", help="Frames per clip, 4k+1.")] = 81,
    boundary: Annotated[float, typer.Option("--boundary", help="Expert split as a position in the schedule.")] = 0.358,
    device: Annotated[str, typer.Option("--device", help="cpu, cuda, cuda:1, …")] = "cpu",
    gradient_checkpointing: Annotated[bool, typer.Option("--gradient-checkpointing", help="Trade compute for memory.")] = False,
    overfit_one_batch: Annotated[bool, typer.Option("--overfit-one-batch", help="Repeat the first batch with fixed noise (a smoke check that the loss falls).")] = False,
    seed: Annotated[int, typer.Option("--seed", min=0, max=MAX_SEED,
                                      help="Seed of the LoRA initialisation, the data order and the noise draws.")] = 0,
) -> None:
    """LoRA fine-tuning of Wan2.2 image-to-video (one expert per run) with the VBVR paper's defaults."""
    import torch
    from torch.utils.data import DataLoader

    from vbvr_trainer.wan_data import WanMetadataDataset
    from vbvr_trainer.wan_lora import WanLoraConfig, WanLoraTrainer, load_wan_models, tiny_wan_models
    from vbvr_trainer.wan_text import HashedPromptEmbeddings, PrecomputedPromptEmbeddings

    if tiny == (checkpoint is not None):
        raise fail_usage("give exactly one of --checkpoint PATH (a real run) or --tiny (a CPU smoke run)")
    if checkpoint is not None and text_embeddings is None:
        raise fail_usage("a real run needs --text-embeddings DIR (make it with `vbvr-trainer encode-prompts`)")
    try:
        config = WanLoraConfig(rank=rank, alpha=rank, learning_rate=learning_rate, height=size, width=size,
                               num_frames=num_frames, expert=expert.value, boundary=boundary,
                               batch_size=batch_size, steps=steps, seed=seed,
                               gradient_checkpointing=gradient_checkpointing)
        dataset = WanMetadataDataset(data, size=size, num_frames=num_frames)
    except (ValueError, FileNotFoundError) as error:
        raise fail_usage(str(error)) from None
    if tiny:
        transformer, vae = tiny_wan_models(seed)
        embed = HashedPromptEmbeddings(dim=transformer.config.text_dim)
    else:
        transformer, vae = load_wan_models(checkpoint, expert.value)
        embed = PrecomputedPromptEmbeddings(text_embeddings)
    trainer = WanLoraTrainer(transformer, vae, config, embed, device=device)
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    console.print(f"{len(dataset)} clips, {trainer.trainable_parameter_count():,} LoRA parameters, "
                  f"expert {expert.value}, {steps} steps")

    def report(number: int, loss: float) -> None:
        if number == 1 or number % 10 == 0 or number == steps:
            console.print(f"step {number:5d}  loss {loss:.5f}")

    if overfit_one_batch:
        batch = next(iter(loader))
        losses = []
        for number in range(1, steps + 1):
            losses.append(trainer.step(batch, torch.Generator().manual_seed(seed)))
            report(number, losses[-1])
    else:
        losses = trainer.train(loader, on_step=report)
    weights = trainer.save(out)
    (Path(out) / "losses.json").write_text(json.dumps(losses) + "\n", encoding="utf-8")
    console.print(f"wrote {weights}")


@app.command("encode-prompts")
def encode_prompts_command(
    data: Annotated[Path, typer.Option("--data", help="A folder written by prepare-wan (metadata.csv).")],
    checkpoint: Annotated[Path, typer.Option("--checkpoint", help="Local Wan2.2 Diffusers folder with tokenizer/ and text_encoder/.")],
    out: Annotated[Path, typer.Option("--out", help="Folder of <sha256(prompt)>.pt embeddings.")],
    device: Annotated[str, typer.Option("--device", help="cpu, cuda, …")] = "cpu",
) -> None:
    """Precompute UMT5 prompt embeddings once (on a GPU machine), for lora-wan --text-embeddings."""
    from vbvr_trainer.wan_data import read_metadata
    from vbvr_trainer.wan_text import encode_prompts

    try:
        prompts = [row["prompt"] for row in read_metadata(data)]
    except (ValueError, FileNotFoundError) as error:
        raise fail_usage(str(error)) from None
    if not (checkpoint / "text_encoder").is_dir() or not (checkpoint / "tokenizer").is_dir():
        raise fail_usage(f"{checkpoint} has no text_encoder/ and tokenizer/: give a local Wan2.2 Diffusers checkpoint")
    written = encode_prompts(prompts, checkpoint, out, device=device)
    console.print(f"encoded {written} new prompt(s) into {out}")
