"""What a rating study shows: every (model, sample) pair with a video, and each rater's blind order.

Items are found with the bench's own layout code (:func:`find_samples`, :func:`find_videos`), so a model's
videos folder is laid out exactly as ``vbvr-bench score --videos`` reads it. Each item gets an opaque
token (a hash of the study seed, model, task and index) that is the only thing the page and its media URLs
carry: the model name never reaches the browser, and no URL names a file. Every file an item points at
was checked to lie inside its samples or videos root (symlinks resolved), so the server can only ever
send those files.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from vbvr_core.pipeline.sample_io import FIRST_FRAME, PROMPT
from vbvr_core.pipeline.seeds import derive_seed, rng

from vbvr_benchmark.layout import find_samples, find_videos

MODEL_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class StudyError(ValueError):
    """A study that cannot be built (names the bad input and the fix)."""


@dataclass(frozen=True)
class StudyItem:
    """One video to rate: the model that made it, the sample it answers, the files the page shows."""

    token: str
    model: str
    key: str
    index: int
    prompt: str
    first_frame: Path
    video: Path


@dataclass(frozen=True)
class Study:
    """The items of a study in a fixed order, looked up by token, and the seed that shuffles them per rater."""

    items: tuple[StudyItem, ...]
    seed: int
    skipped: tuple[str, ...] = ()

    @cached_property
    def _by_token(self) -> dict[str, StudyItem]:
        return {item.token: item for item in self.items}

    def item(self, token: str) -> StudyItem | None:
        """The item with ``token``, or None for any other string."""
        return self._by_token.get(token)

    def order_for(self, rater: str) -> list[StudyItem]:
        """The items in ``rater``'s own order: a permutation seeded by the study seed and the rater's name."""
        permutation = rng(derive_seed(self.seed, "rating-order", rater)).permutation(len(self.items))
        return [self.items[position] for position in permutation]


def item_token(seed: int, model: str, key: str, index: int) -> str:
    """The opaque id of an item (16 hex digits; reveals neither the model nor the sample)."""
    return hashlib.sha256(f"{seed}\x1f{model}\x1f{key}\x1f{index}".encode()).hexdigest()[:16]


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


def parse_model_option(value: str) -> tuple[str, Path]:
    """``"MODEL=DIR"`` → (model, Path(DIR)); raises :class:`StudyError` naming the value and the fix."""
    model, separator, folder = value.partition("=")
    if not separator or not folder:
        raise StudyError(f"--videos {value!r}: expected MODEL=DIR, e.g. --videos wan22=out/videos/wan22")
    if not MODEL_NAME.fullmatch(model):
        raise StudyError(f"--videos {value!r}: model name {model!r} must be 1-64 letters, digits, '.', '_' or '-', "
                         "starting with a letter or digit")
    return model, Path(folder)


def build_study(samples_root: str | Path, models: Mapping[str, str | Path], seed: int = 0) -> Study:
    """Every sample under ``samples_root`` × every model in ``models`` (name → videos folder) that has a video.

    Pairs without a video, samples without a first frame and files that resolve outside their root are
    left out and listed in ``skipped``. Raises :class:`StudyError` for a bad model name or missing folder.
    """
    samples_root = Path(samples_root)
    if not samples_root.is_dir():
        raise StudyError(f"--samples {samples_root}: no such folder")
    for model, folder in models.items():
        if not MODEL_NAME.fullmatch(model):
            raise StudyError(f"model name {model!r}: use 1-64 letters, digits, '.', '_' or '-'")
        if not Path(folder).is_dir():
            raise StudyError(f"--videos {model}={folder}: no such folder")
    entries = find_samples(samples_root)
    items, skipped = [], []
    for model, folder in sorted(models.items()):
        videos = find_videos(folder)
        for entry in entries:
            first_frame = entry.folder / FIRST_FRAME
            video = videos.get((entry.key, entry.index))
            where = f"{model}: {entry.key}/{entry.index}"
            if video is None:
                skipped.append(f"{where}: no video")
            elif not first_frame.is_file() or not _inside(first_frame, samples_root):
                skipped.append(f"{where}: no first frame inside --samples")
            elif not _inside(video, Path(folder)):
                skipped.append(f"{where}: video resolves outside its folder")
            else:
                prompt_file = entry.folder / PROMPT
                prompt = prompt_file.read_text("utf-8").strip() if prompt_file.is_file() else ""
                items.append(StudyItem(item_token(seed, model, entry.key, entry.index), model, entry.key,
                                       entry.index, prompt, first_frame.resolve(), video.resolve()))
    return Study(items=tuple(items), seed=seed, skipped=tuple(skipped))
