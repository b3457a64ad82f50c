"""Training the clip U-Net on N samples per in-domain task.

Samples are held in memory as small tensors (:class:`FrameSet`): the first frame and K keyframes
picked evenly from the ground-truth video after it (the last is its final frame). The loss is L1 on
the keyframes, weighted up where a keyframe differs from the first frame: most pixels never change,
and an unweighted loss is minimised by copying the input.

Training stops at a plateau of held-out loss: with a validation set, its loss is measured every
``eval_every`` steps and training ends when it has not improved by ``min_improvement`` (relative)
for ``patience`` checks, or at ``steps``; the weights of the best check are kept. So a small training
set stops early (it over-fits quickly) and a large one trains longer: compute follows the data.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from vbvr_core.media.video import read_video

from vbvr_trainer.scaling.model import UNKNOWN_TASK, ClipUNet, ModelConfig, prompt_bag

CHANGE_THRESHOLD = 0.1
CHANGE_WEIGHT = 20.0


@dataclass
class FrameSet:
    """First frames (N,3,S,S) and keyframes (N,K,3,S,S) in [0,1], task ids (N,), prompt bags, folders."""

    first: torch.Tensor
    clip: torch.Tensor
    task_ids: torch.Tensor
    bags: torch.Tensor
    folders: list[Path]

    def __len__(self) -> int:
        return len(self.folders)

    def subset(self, positions: list[int]) -> FrameSet:
        """The items at ``positions``."""
        index = torch.as_tensor(positions, dtype=torch.long)
        return FrameSet(self.first[index], self.clip[index], self.task_ids[index], self.bags[index],
                        [self.folders[p] for p in positions])


def _frame(path: Path, size: int) -> torch.Tensor:
    with Image.open(path) as image:
        array = np.array(image.convert("RGB").resize((size, size), Image.Resampling.BOX))
    return torch.from_numpy(array).permute(2, 0, 1).float() / 255.0


def keyframes(folder: Path, count: int, size: int) -> torch.Tensor:
    """(count,3,S,S): frames picked evenly from the ground truth after its first, ending on its last."""
    clip = read_video(folder / "ground_truth.mp4", size=size, num_frames=count + 1)
    if not clip.ok:
        raise RuntimeError(f"{folder}/ground_truth.mp4: {clip.error}")
    return torch.from_numpy(np.array(clip.frames[1:])).permute(0, 3, 1, 2).float() / 255.0


def load_frames(folders: list[Path], task_ids: list[int], config: ModelConfig) -> FrameSet:
    """Read the first frames, keyframes and prompts of ``folders`` at the model's size.

    The last keyframe is replaced by ``final_frame.png`` where there is one (the exact target).
    """
    firsts, clips, prompts = [], [], []
    for folder in folders:
        firsts.append(_frame(folder / "first_frame.png", config.image_size))
        clip = keyframes(folder, config.clip_frames, config.image_size)
        if (folder / "final_frame.png").exists():
            clip[-1] = _frame(folder / "final_frame.png", config.image_size)
        clips.append(clip)
        prompts.append((folder / "prompt.txt").read_text("utf-8"))
    return FrameSet(torch.stack(firsts), torch.stack(clips), torch.as_tensor(task_ids, dtype=torch.long),
                    prompt_bag(prompts, config.prompt_buckets), list(folders))


def change_weights(first: torch.Tensor, clip: torch.Tensor) -> torch.Tensor:
    """(B,K,1,S,S) loss weights: 1 + CHANGE_WEIGHT where a keyframe's channel moves by > CHANGE_THRESHOLD."""
    changed = ((clip - first.unsqueeze(1)).abs().amax(dim=2, keepdim=True) > CHANGE_THRESHOLD).float()
    return 1.0 + CHANGE_WEIGHT * changed


def weighted_l1(prediction: torch.Tensor, first: torch.Tensor, clip: torch.Tensor) -> torch.Tensor:
    """Mean change-weighted L1 between predicted and true keyframes (B,K,3,S,S)."""
    weights = change_weights(first, clip)
    return ((prediction - clip).abs() * weights).sum() / (weights.sum() * prediction.shape[2])


@dataclass
class TrainResult:
    """A trained model, its loss curve, the CPU seconds the training took, the steps run and the
    held-out losses measured (step, loss) with the step whose weights were kept."""

    model: ClipUNet
    losses: list[float]
    cpu_seconds: float
    steps: int = 0
    validation: list[tuple[int, float]] = field(default_factory=list)
    best_step: int = 0


@dataclass(frozen=True)
class StopRule:
    """When to stop at a plateau of held-out loss: check every ``eval_every`` steps; stop after
    ``patience`` checks without a relative improvement of ``min_improvement``."""

    eval_every: int = 50
    patience: int = 3
    min_improvement: float = 0.01


@torch.no_grad()
def held_out_loss(model: ClipUNet, frames: FrameSet) -> float:
    """The change-weighted L1 of ``model`` on ``frames`` with their task ids (eval mode: no task dropout)."""
    was_training = model.training
    model.eval()
    loss = float(weighted_l1(model(frames.first, frames.task_ids, frames.bags), frames.first, frames.clip))
    model.train(was_training)
    return loss


def train_model(frames: FrameSet, num_tasks: int, config: ModelConfig, steps: int, batch_size: int,
                learning_rate: float, seed: int, validation: FrameSet | None = None,
                stop: StopRule | None = None) -> TrainResult:
    """Train a fresh :class:`ClipUNet` (seeded) for at most ``steps`` Adam steps on ``frames``.

    With ``validation``, stop at a plateau of its loss (``stop``, default :class:`StopRule`) and
    return the weights of the best check; without it, run all ``steps``.
    """
    torch.manual_seed(seed)
    model = ClipUNet(config, num_tasks)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    generator = torch.Generator().manual_seed(seed)
    stop = stop or StopRule()
    model.train()
    losses: list[float] = []
    checks: list[tuple[int, float]] = []
    best_loss, best_step, best_state, stale = float("inf"), 0, None, 0
    started = time.process_time()
    step = 0
    for step in range(1, steps + 1):
        batch = torch.randint(0, len(frames), (min(batch_size, len(frames)),), generator=generator)
        prediction = model(frames.first[batch], frames.task_ids[batch], frames.bags[batch])
        loss = weighted_l1(prediction, frames.first[batch], frames.clip[batch])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        losses.append(float(loss.item()))
        if validation is not None and (step % stop.eval_every == 0 or step == steps):
            checks.append((step, held_out_loss(model, validation)))
            if checks[-1][1] < best_loss * (1.0 - stop.min_improvement):
                best_loss, best_step, stale = checks[-1][1], step, 0
                best_state = copy.deepcopy(model.state_dict())
            else:
                stale += 1
                if stale >= stop.patience:
                    break
    if best_state is not None:
        model.load_state_dict(best_state)
    model.eval()
    return TrainResult(model, losses, time.process_time() - started, steps=step, validation=checks,
                       best_step=best_step if best_state is not None else step)


@torch.no_grad()
def predict_deltas(model: ClipUNet, frames: FrameSet, known_tasks: bool) -> torch.Tensor:
    """(N,K,3,S,S) predicted changes; ``known_tasks`` False feeds the "unknown task" id (out-of-domain)."""
    task_ids = frames.task_ids if known_tasks else torch.full_like(frames.task_ids, UNKNOWN_TASK)
    return model.delta(frames.first, task_ids, frames.bags)
