"""Wan2.2: DiffSynth-layout preparation, its loader, and a LoRA smoke run on a tiny random Wan (no weights)."""

from __future__ import annotations

import csv
import math

import pytest
import torch
from torch.utils.data import DataLoader
from typer.testing import CliRunner
from vbvr_core.media.video import probe_video
from vbvr_trainer.cli import app
from vbvr_trainer.wan_data import WanMetadataDataset, check_frame_count, prepare_wan
from vbvr_trainer.wan_lora import (
    PAPER_TARGET_MODULES,
    WanLoraConfig,
    WanLoraTrainer,
    shifted_sigma,
    tiny_wan_models,
)
from vbvr_trainer.wan_text import HashedPromptEmbeddings, PrecomputedPromptEmbeddings, prompt_digest

from .conftest import TASK


@pytest.fixture(scope="module")
def prepared(sample_root, tmp_path_factory):
    """prepare-wan's output at the paper's 384×384 and a short 4k+1 length."""
    out = tmp_path_factory.mktemp("wan")
    prepare_wan(str(sample_root), out, size=384, num_frames=17)
    return out


def test_prepare_wan_writes_diffsynth_metadata(prepared):
    with open(prepared / "metadata.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["video", "prompt", "input_image"]
    assert [row["video"] for row in rows] == [f"videos/{TASK}_{index:08d}.mp4" for index in range(4)]
    facts = probe_video(prepared / rows[0]["video"])
    assert (facts.width, facts.height, facts.frames) == (384, 384, 17)
    assert (prepared / rows[0]["input_image"]).is_file()
    assert "yellow ball" in rows[0]["prompt"]


def test_frame_counts_must_be_4k_plus_1(sample_root, tmp_path):
    assert check_frame_count(81) == 81
    with pytest.raises(ValueError, match="4k\\+1"):
        prepare_wan(str(sample_root), tmp_path, num_frames=80)


def test_lora_wan_loader_reads_prepare_wan_output(prepared):
    dataset = WanMetadataDataset(prepared, size=32, num_frames=9)
    batch = next(iter(DataLoader(dataset, batch_size=2)))
    assert batch["video"].shape == (2, 9, 3, 32, 32) and batch["first_frame"].shape == (2, 3, 32, 32)
    assert (batch["video"][:, 0] - batch["first_frame"]).abs().mean() < 0.03
    assert len(batch["prompt"]) == 2


def test_metadata_paths_may_not_escape_the_folder(tmp_path):
    (tmp_path / "metadata.csv").write_text("video,prompt\n../../etc/passwd.mp4,hi\n")
    with pytest.raises(ValueError, match="outside"):
        WanMetadataDataset(tmp_path, size=32, num_frames=9)


def test_paper_defaults():
    config = WanLoraConfig()
    assert (config.rank, config.learning_rate, config.height, config.width) == (32, 1e-4, 384, 384)
    assert config.target_modules == ("to_q", "to_k", "to_v", "to_out.0", "ffn.net.0.proj", "ffn.net.2")
    assert config.timestep_range() == (0.0, 0.358)
    assert WanLoraConfig(expert="low").timestep_range() == (0.358, 1.0)
    # position 0.358 of the shift-5 schedule is timestep 900, where Wan2.2-A14B switches experts
    assert abs(float(shifted_sigma(torch.tensor(0.358), 5.0)) - 0.9) < 1e-3


def test_smoke_lora_loss_is_finite_and_falls_in_20_steps(prepared, tmp_path):
    transformer, vae = tiny_wan_models(seed=0)
    base = {name: value.clone() for name, value in transformer.state_dict().items()}
    config = WanLoraConfig(height=32, width=32, num_frames=9, steps=20, learning_rate=1e-3)
    trainer = WanLoraTrainer(transformer, vae, config, HashedPromptEmbeddings(dim=32, length=16))
    trained = {name for name, parameter in transformer.named_parameters() if parameter.requires_grad}
    assert trained and all("lora_" in name for name in trained)
    assert {module for module in PAPER_TARGET_MODULES if any(f".{module}.lora_A" in name for name in trained)} \
        == set(PAPER_TARGET_MODULES)
    batch = next(iter(DataLoader(WanMetadataDataset(prepared, size=32, num_frames=9), batch_size=2)))
    losses = [trainer.step(batch, torch.Generator().manual_seed(0)) for _ in range(20)]
    assert all(math.isfinite(loss) for loss in losses)
    assert losses[-1] < 0.95 * losses[0]
    for name, value in transformer.state_dict().items():
        if "lora_" not in name and name.replace(".base_layer", "") in base:
            assert torch.equal(value, base[name.replace(".base_layer", "")]), name
    weights = trainer.save(tmp_path / "lora")
    from diffusers import WanImageToVideoPipeline

    state = WanImageToVideoPipeline.lora_state_dict(str(weights.parent))
    assert any("lora_A" in key for key in state) and all(key.startswith("transformer.") for key in state)


def test_hashed_embeddings_are_deterministic_and_word_based():
    embed = HashedPromptEmbeddings(dim=8, length=4)
    first, again = embed(["move the ball"]), HashedPromptEmbeddings(dim=8, length=4)(["move the ball"])
    assert torch.equal(first, again) and first.shape == (1, 4, 8)
    assert torch.equal(first[0, 3], torch.zeros(8))
    assert torch.equal(embed(["the end"])[0, 0], first[0, 1])


def test_precomputed_embeddings_pad_and_name_missing_prompts(tmp_path):
    torch.save(torch.ones(3, 8), tmp_path / f"{prompt_digest('hello')}.pt")
    embed = PrecomputedPromptEmbeddings(tmp_path, length=5)
    assert embed(["hello"]).shape == (1, 5, 8) and embed(["hello"])[0, 3].abs().sum() == 0
    with pytest.raises(FileNotFoundError, match="encode-prompts"):
        embed(["never encoded"])


def test_cli_tiny_lora_run_reads_prepare_wan_output(sample_root, tmp_path):
    runner = CliRunner()
    data = tmp_path / "data"
    result = runner.invoke(app, ["prepare-wan", "--samples", str(sample_root), "--out", str(data),
                                 "--size", "32", "--num-frames", "9"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["lora-wan", "--data", str(data), "--out", str(tmp_path / "lora"), "--tiny",
                                 "--steps", "3", "--size", "32", "--num-frames", "9", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "lora" / "pytorch_lora_weights.safetensors").is_file()
    bad = runner.invoke(app, ["lora-wan", "--data", str(data), "--out", str(tmp_path / "x")])
    assert bad.exit_code == 2


def _tiny_local_text_checkpoint(folder):
    """A word-level tokenizer and a tiny random UMT5 encoder saved locally: encode-prompts' inputs, no hub."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast, UMT5Config, UMT5EncoderModel

    vocab = {word: number for number, word in enumerate(["<pad>", "</s>", "<unk>", "move", "the", "ball", "goal"])}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    PreTrainedTokenizerFast(tokenizer_object=tokenizer, pad_token="<pad>", unk_token="<unk>",
                            eos_token="</s>").save_pretrained(folder / "tokenizer")
    torch.manual_seed(0)
    config = UMT5Config(vocab_size=len(vocab), d_model=8, d_kv=4, d_ff=16, num_layers=1, num_heads=2,
                        pad_token_id=0, eos_token_id=1)
    UMT5EncoderModel(config).save_pretrained(folder / "text_encoder")


def test_encode_prompts_saves_one_embedding_per_distinct_prompt(tmp_path):
    from vbvr_trainer.wan_text import encode_prompts

    _tiny_local_text_checkpoint(tmp_path / "ckpt")
    prompts = ["move the ball", "move the ball to the goal", "move the ball"]
    assert encode_prompts(prompts, tmp_path / "ckpt", tmp_path / "text", max_length=16) == 2
    assert encode_prompts(prompts, tmp_path / "ckpt", tmp_path / "text", max_length=16) == 0  # already there
    embedded = PrecomputedPromptEmbeddings(tmp_path / "text", length=16)(prompts)
    assert embedded.shape == (3, 16, 8)
    assert embedded[0, :3].abs().sum() > 0 and embedded[0, 3:].abs().sum() == 0  # 3 real tokens, then padding
    assert torch.equal(embedded[0], embedded[2])
