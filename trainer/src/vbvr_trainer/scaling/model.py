"""A compact conditional U-Net that predicts a short clip, ending on the final frame, from the first frame.

Conditioning is a task embedding plus a bag-of-words embedding of the prompt, applied as FiLM
(per-channel scale and shift) at every resolution. Index 0 of the task embedding is "unknown task":
it stands in for tasks never seen in training (out-of-domain) and, with probability
``task_dropout``, for known ones during training, so the model also learns to act on the prompt alone.

The network predicts ``clip_frames`` keyframes evenly spaced after the first frame (the last one is
the final frame), each as a change: ``frame_k = clamp(first + delta_k)``; an untrained network copies
the input.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

UNKNOWN_TASK = 0


@dataclass(frozen=True)
class ModelConfig:
    """Sizes of the network: input side in pixels, keyframes predicted, base channel width, prompt hash
    buckets, condition width, and the chance a training item's task id is replaced by "unknown"."""

    image_size: int = 64
    clip_frames: int = 16
    width: int = 16
    prompt_buckets: int = 512
    condition_dim: int = 64
    task_dropout: float = 0.2


def prompt_bag(prompts: list[str], buckets: int) -> torch.Tensor:
    """(B, buckets) normalised counts of the prompts' lower-cased words hashed into ``buckets`` (crc32)."""
    bags = torch.zeros(len(prompts), buckets)
    for row, prompt in enumerate(prompts):
        words = re.findall(r"[a-z0-9]+", prompt.lower())
        for word in words:
            bags[row, zlib.crc32(word.encode("utf-8")) % buckets] += 1.0
        if words:
            bags[row] /= len(words)
    return bags


class FiLMBlock(nn.Module):
    """Two 3×3 convolutions with group norm, SiLU and a condition-driven scale and shift."""

    def __init__(self, channels_in: int, channels_out: int, condition_dim: int):
        super().__init__()
        self.conv1 = nn.Conv2d(channels_in, channels_out, 3, padding=1)
        self.norm1 = nn.GroupNorm(4, channels_out)
        self.conv2 = nn.Conv2d(channels_out, channels_out, 3, padding=1)
        self.norm2 = nn.GroupNorm(4, channels_out)
        self.film = nn.Linear(condition_dim, 2 * channels_out)

    def forward(self, x: torch.Tensor, condition: torch.Tensor) -> torch.Tensor:
        x = F.silu(self.norm1(self.conv1(x)))
        scale, shift = self.film(condition).unsqueeze(-1).unsqueeze(-1).chunk(2, dim=1)
        x = self.norm2(self.conv2(x)) * (1.0 + scale) + shift
        return F.silu(x)


class ClipUNet(nn.Module):
    """First frame (B,3,S,S) in [0,1] + task ids (B,) + prompt bags (B,buckets) → keyframes (B,K,3,S,S)."""

    def __init__(self, config: ModelConfig, num_tasks: int):
        super().__init__()
        self.config = config
        width, cond = config.width, config.condition_dim
        self.task_embedding = nn.Embedding(num_tasks + 1, cond)
        self.prompt_projection = nn.Sequential(nn.Linear(config.prompt_buckets, cond), nn.SiLU(), nn.Linear(cond, cond))
        self.down1 = FiLMBlock(3, width, cond)
        self.down2 = FiLMBlock(width, 2 * width, cond)
        self.middle = FiLMBlock(2 * width, 4 * width, cond)
        self.up2 = FiLMBlock(4 * width + 2 * width, 2 * width, cond)
        self.up1 = FiLMBlock(2 * width + width, width, cond)
        self.head = nn.Conv2d(width, 3 * config.clip_frames, 1)
        nn.init.zeros_(self.head.weight)
        nn.init.zeros_(self.head.bias)

    def condition(self, task_ids: torch.Tensor, bags: torch.Tensor) -> torch.Tensor:
        """The condition vector of each item; training drops task ids to "unknown" at random."""
        if self.training and self.config.task_dropout > 0:
            drop = torch.rand(task_ids.shape, device=task_ids.device) < self.config.task_dropout
            task_ids = torch.where(drop, torch.full_like(task_ids, UNKNOWN_TASK), task_ids)
        return self.task_embedding(task_ids) + self.prompt_projection(bags)

    def forward(self, first: torch.Tensor, task_ids: torch.Tensor, bags: torch.Tensor) -> torch.Tensor:
        condition = self.condition(task_ids, bags)
        x = first * 2.0 - 1.0
        skip1 = self.down1(x, condition)
        skip2 = self.down2(F.avg_pool2d(skip1, 2), condition)
        middle = self.middle(F.avg_pool2d(skip2, 2), condition)
        up2 = self.up2(torch.cat([F.interpolate(middle, scale_factor=2.0), skip2], dim=1), condition)
        up1 = self.up1(torch.cat([F.interpolate(up2, scale_factor=2.0), skip1], dim=1), condition)
        batch, _, height, width = first.shape
        delta = torch.tanh(self.head(up1)).view(batch, self.config.clip_frames, 3, height, width)
        return (first.unsqueeze(1) + delta).clamp(0.0, 1.0)

    def delta(self, first: torch.Tensor, task_ids: torch.Tensor, bags: torch.Tensor) -> torch.Tensor:
        """The predicted changes ``frame_k - first`` (B,K,3,S,S): what is upsampled onto a full-size first frame."""
        return self.forward(first, task_ids, bags) - first.unsqueeze(1)
