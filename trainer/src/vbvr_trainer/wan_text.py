"""Text conditioning for Wan: prompt embeddings are passed to the transformer directly.

Nothing here downloads a tokenizer, a text encoder or weights. Two sources:

- :class:`PrecomputedPromptEmbeddings`: a folder of ``<sha256(prompt)>.pt`` tensors (L, D) made once on a
  GPU machine with :func:`encode_prompts` from a *local* copy of Wan's UMT5-XXL encoder
  (``text_encoder/`` and ``tokenizer/`` of a Wan2.2 Diffusers checkpoint); real runs use this.
- :class:`HashedPromptEmbeddings`: deterministic pseudo-embeddings from the prompt's words, for smoke
  tests and CPU runs on tiny models where no encoder exists.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import torch

# Wan's UMT5-XXL encoder: 512 tokens of width 4096.
WAN_TEXT_LENGTH = 512
WAN_TEXT_DIM = 4096


def prompt_digest(prompt: str) -> str:
    """The file stem a prompt's embedding is stored under: sha256 of its UTF-8 text."""
    return hashlib.sha256(prompt.encode("utf-8")).hexdigest()


def _word_seed(word: str) -> int:
    return int.from_bytes(hashlib.sha256(word.encode("utf-8")).digest()[:8], "little") & ((1 << 63) - 1)


class HashedPromptEmbeddings:
    """Prompt → (length, dim) tensor: one seeded unit-variance vector per word, zero padded.

    The same word always maps to the same vector, so prompts that share words share structure.
    """

    def __init__(self, dim: int, length: int = 32):
        self.dim, self.length = dim, length
        self._cache: dict[str, torch.Tensor] = {}

    def _word(self, word: str) -> torch.Tensor:
        if word not in self._cache:
            generator = torch.Generator().manual_seed(_word_seed(word))
            self._cache[word] = torch.randn(self.dim, generator=generator)
        return self._cache[word]

    def __call__(self, prompts: list[str]) -> torch.Tensor:
        """(len(prompts), length, dim) float32."""
        batch = torch.zeros(len(prompts), self.length, self.dim)
        for row, prompt in enumerate(prompts):
            for column, word in enumerate(prompt.lower().split()[: self.length]):
                batch[row, column] = self._word(word)
        return batch


class PrecomputedPromptEmbeddings:
    """Prompt → its embedding saved by :func:`encode_prompts` in ``folder`` (padded to ``length``)."""

    def __init__(self, folder: str | Path, length: int = WAN_TEXT_LENGTH):
        self.folder = Path(folder)
        self.length = length
        if not self.folder.is_dir():
            raise FileNotFoundError(f"text embeddings folder {self.folder} does not exist; see `vbvr-trainer encode-prompts`")

    def __call__(self, prompts: list[str]) -> torch.Tensor:
        """(len(prompts), length, D); raises FileNotFoundError naming a prompt that was not encoded."""
        rows = []
        for prompt in prompts:
            path = self.folder / f"{prompt_digest(prompt)}.pt"
            if not path.is_file():
                raise FileNotFoundError(
                    f"no embedding for prompt {prompt[:60]!r}… in {self.folder} ({path.name}); "
                    "run `vbvr-trainer encode-prompts` over the same metadata.csv first"
                )
            embedding = torch.load(path, map_location="cpu", weights_only=True)
            padded = torch.zeros(self.length, embedding.shape[-1], dtype=embedding.dtype)
            padded[: min(self.length, embedding.shape[0])] = embedding[: self.length]
            rows.append(padded)
        return torch.stack(rows).float()


@torch.no_grad()
def encode_prompts(prompts: list[str], checkpoint: str | Path, out: str | Path, device: str = "cpu",
                   max_length: int = WAN_TEXT_LENGTH) -> int:
    """Encode each distinct prompt with the UMT5 encoder of a local Wan checkpoint; save ``<sha256>.pt``.

    ``checkpoint`` is a local Diffusers-format folder with ``tokenizer/`` and ``text_encoder/``; it is
    opened with ``local_files_only=True`` (never downloaded). Each tensor holds the embeddings of the
    prompt's real tokens (padding dropped), as Wan's pipeline feeds them. Returns how many were written.
    """
    from transformers import AutoTokenizer, UMT5EncoderModel

    checkpoint = Path(checkpoint)
    tokenizer = AutoTokenizer.from_pretrained(checkpoint / "tokenizer", local_files_only=True)
    encoder = UMT5EncoderModel.from_pretrained(checkpoint / "text_encoder", local_files_only=True).to(device).eval()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for prompt in sorted(set(prompts)):
        path = out / f"{prompt_digest(prompt)}.pt"
        if path.exists():
            continue
        tokens = tokenizer([prompt], padding="max_length", max_length=max_length, truncation=True,
                           add_special_tokens=True, return_attention_mask=True, return_tensors="pt")
        hidden = encoder(tokens.input_ids.to(device), tokens.attention_mask.to(device)).last_hidden_state
        length = int(tokens.attention_mask.sum())
        torch.save(hidden[0, :length].to("cpu", torch.bfloat16).clone(), path)
        written += 1
    return written
