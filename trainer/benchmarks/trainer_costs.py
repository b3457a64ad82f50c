"""Print CPU seconds of the trainer's unit costs (one torch thread): a scaling-study training step, one
scored test video, one tiny-Wan LoRA step. Run: ``.venv/bin/python trainer/benchmarks/trainer_costs.py``.

CPU time (``time.process_time``) is reported because wall time on a shared machine is noise.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def cpu_seconds(function, repeats: int) -> float:
    """Median CPU seconds of ``function()`` over ``repeats`` calls, after one warm-up call."""
    function()
    timings = []
    for _ in range(repeats):
        started = time.process_time()
        function()
        timings.append(time.process_time() - started)
    return sorted(timings)[len(timings) // 2]


def main() -> None:
    from torch.utils.data import DataLoader
    from vbvr_core.testing.helpers import make_samples
    from vbvr_trainer.scaling.evaluate import score_prediction
    from vbvr_trainer.scaling.model import ClipUNet, ModelConfig, prompt_bag
    from vbvr_trainer.scaling.train import weighted_l1
    from vbvr_trainer.wan_data import WanMetadataDataset, prepare_wan
    from vbvr_trainer.wan_lora import WanLoraConfig, WanLoraTrainer, tiny_wan_models
    from vbvr_trainer.wan_text import HashedPromptEmbeddings

    torch.set_num_threads(1)
    work = Path(tempfile.mkdtemp(prefix="vbvr-trainer-bench-"))
    folders = make_samples("G-15_grid_avoid_obstacles", work / "samples", count=2)

    config = ModelConfig()
    model = ClipUNet(config, num_tasks=1)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    first = torch.rand(8, 3, config.image_size, config.image_size)
    clip = torch.rand(8, config.clip_frames, 3, config.image_size, config.image_size)
    bags = prompt_bag(["move the ball"] * 8, config.prompt_buckets)
    task_ids = torch.ones(8, dtype=torch.long)

    def unet_step() -> None:
        loss = weighted_l1(model(first, task_ids, bags), first, clip)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    def scored_video() -> None:
        score_prediction(folders[0], work / "video.mp4", deltas=torch.zeros(config.clip_frames, 3, 64, 64))

    prepare_wan(str(work / "samples"), work / "wan", size=32, num_frames=9)
    batch = next(iter(DataLoader(WanMetadataDataset(work / "wan", size=32, num_frames=9), batch_size=2)))
    transformer, vae = tiny_wan_models()
    trainer = WanLoraTrainer(transformer, vae, WanLoraConfig(height=32, width=32, num_frames=9),
                             HashedPromptEmbeddings(dim=32, length=16))

    def lora_step() -> None:
        trainer.step(batch, torch.Generator().manual_seed(0))

    print(f"scaling U-Net step (batch 8, 64², 16 keyframes, width {config.width}): {cpu_seconds(unet_step, 10):.3f} CPU s")
    print(f"one test video written and scored (G-15):        {cpu_seconds(scored_video, 3):.3f} CPU s")
    print(f"tiny Wan2.2 LoRA step (batch 2, 9×32²):          {cpu_seconds(lora_step, 10):.3f} CPU s")


if __name__ == "__main__":
    main()
