"""LoRA fine-tuning of Wan2.2 image-to-video (A14B: two experts) with diffusers + PEFT.

The VBVR paper's recipe is the default (:class:`WanLoraConfig`): LoRA rank 32 on the attention
projections q, k, v, o and the feed-forward layers ffn.0, ffn.2 (diffusers' ``to_q``, ``to_k``,
``to_v``, ``to_out.0``, ``ffn.net.0.proj``, ``ffn.net.2``), learning rate 1e-4, 384×384 frames, and a
flow-matching loss that leaves out the first-frame latent (the frame the model is given).

Wan2.2-I2V-A14B has two experts: ``transformer`` denoises high noise, ``transformer_2`` low noise. As in
DiffSynth-Studio, each is fine-tuned in its own run: timesteps are drawn uniformly by position in the
shifted schedule, the high-noise expert on positions [0, 0.358) (timesteps 1000…900), the low-noise
one on [0.358, 1] (900…0).

One training step (:meth:`WanLoraTrainer.loss`):
  video (B,T,3,H,W) → VAE latents x0 (B,16,T',h,w), normalised with the VAE's latent mean/std;
  condition y = VAE latents of [first frame, zeros…] plus a 4-channel first-frame mask (as
  ``WanImageToVideoPipeline`` builds it); x_t = (1-σ)·x0 + σ·ε; the transformer sees [x_t, mask, y]
  (36 channels) and predicts v = ε - x0; loss = MSE over latent frames 1… only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
from diffusers import AutoencoderKLWan, WanTransformer3DModel
from peft import LoraConfig
from peft.utils import get_peft_model_state_dict

PAPER_TARGET_MODULES = ("to_q", "to_k", "to_v", "to_out.0", "ffn.net.0.proj", "ffn.net.2")
EXPERT_SUBFOLDERS = {"high": "transformer", "low": "transformer_2"}
NUM_TRAIN_TIMESTEPS = 1000


@dataclass
class WanLoraConfig:
    """Hyper-parameters; the defaults are the VBVR paper's for Wan2.2-I2V-A14B."""

    rank: int = 32
    alpha: int = 32
    target_modules: tuple[str, ...] = PAPER_TARGET_MODULES
    learning_rate: float = 1e-4
    weight_decay: float = 0.0
    height: int = 384
    width: int = 384
    num_frames: int = 81
    expert: str = "high"
    boundary: float = 0.358
    shift: float = 5.0
    batch_size: int = 1
    steps: int = 1000
    seed: int = 0
    gradient_checkpointing: bool = False
    max_grad_norm: float = 1.0

    def __post_init__(self) -> None:
        if self.expert not in EXPERT_SUBFOLDERS:
            raise ValueError(f"expert must be 'high' or 'low', got {self.expert!r}")
        if not 0.0 < self.boundary < 1.0:
            raise ValueError(f"boundary must lie in (0, 1), got {self.boundary}")
        if self.rank < 1 or self.steps < 1 or self.batch_size < 1:
            raise ValueError("rank, steps and batch_size must be ≥ 1")

    def timestep_range(self) -> tuple[float, float]:
        """The expert's share of the schedule, as positions in [0, 1] (0 = pure noise)."""
        return (0.0, self.boundary) if self.expert == "high" else (self.boundary, 1.0)


def shifted_sigma(position: torch.Tensor, shift: float) -> torch.Tensor:
    """Noise level σ at ``position`` in the schedule (0 → σ=1, 1 → σ=0) with Wan's timestep shift."""
    linear = 1.0 - position
    return shift * linear / (1.0 + (shift - 1.0) * linear)


def tiny_wan_models(seed: int = 0, text_dim: int = 32) -> tuple[WanTransformer3DModel, AutoencoderKLWan]:
    """A randomly initialised Wan2.2-I2V-shaped transformer (36 in-channels) and VAE, diffusers' test sizes."""
    torch.manual_seed(seed)
    vae = AutoencoderKLWan(base_dim=3, z_dim=16, dim_mult=[1, 1, 1, 1], num_res_blocks=1,
                           temperal_downsample=[False, True, True])
    torch.manual_seed(seed)
    transformer = WanTransformer3DModel(
        patch_size=(1, 2, 2), num_attention_heads=2, attention_head_dim=12, in_channels=36, out_channels=16,
        text_dim=text_dim, freq_dim=256, ffn_dim=32, num_layers=2, cross_attn_norm=True,
        qk_norm="rms_norm_across_heads", rope_max_seq_len=32,
    )
    return transformer, vae


def load_wan_models(checkpoint: str | Path, expert: str,
                    dtype: torch.dtype = torch.bfloat16) -> tuple[WanTransformer3DModel, AutoencoderKLWan]:
    """The ``expert`` transformer and the VAE of a local Diffusers-format Wan2.2-I2V-A14B checkpoint.

    Opened with ``local_files_only=True``: download the checkpoint beforehand (see README).
    """
    checkpoint = Path(checkpoint)
    transformer = WanTransformer3DModel.from_pretrained(
        checkpoint, subfolder=EXPERT_SUBFOLDERS[expert], torch_dtype=dtype, local_files_only=True)
    vae = AutoencoderKLWan.from_pretrained(checkpoint, subfolder="vae", torch_dtype=torch.float32,
                                           local_files_only=True)
    return transformer, vae


class WanLoraTrainer:
    """Adds a LoRA adapter to ``transformer`` and trains it; the base weights and the VAE stay frozen.

    ``embed_prompts`` maps a list of prompts to (B, L, text_dim) embeddings (see :mod:`vbvr_trainer.wan_text`).
    """

    def __init__(self, transformer: WanTransformer3DModel, vae: AutoencoderKLWan, config: WanLoraConfig,
                 embed_prompts: Callable[[list[str]], torch.Tensor], device: str = "cpu"):
        self.config = config
        self.device = torch.device(device)
        self.transformer = transformer.to(self.device)
        self.vae = vae.to(self.device).eval()
        self.embed_prompts = embed_prompts
        self.transformer.requires_grad_(False)
        self.vae.requires_grad_(False)
        self.transformer.add_adapter(LoraConfig(
            r=config.rank, lora_alpha=config.alpha, target_modules=list(config.target_modules),
            init_lora_weights=True))
        if config.gradient_checkpointing:
            self.transformer.enable_gradient_checkpointing()
        self.transformer.train()
        self.parameters = [p for p in self.transformer.parameters() if p.requires_grad]
        for parameter in self.parameters:
            parameter.data = parameter.data.float()  # LoRA weights train in fp32 even on a bf16 base
        self.optimizer = torch.optim.AdamW(self.parameters, lr=config.learning_rate,
                                           weight_decay=config.weight_decay)
        vae_config = self.vae.config
        self.latents_mean = torch.tensor(vae_config.latents_mean).view(1, -1, 1, 1, 1).to(self.device)
        self.latents_std = torch.tensor(vae_config.latents_std).view(1, -1, 1, 1, 1).to(self.device)
        self.temporal_factor = vae_config.scale_factor_temporal

    def trainable_parameter_count(self) -> int:
        """Number of LoRA parameters being trained."""
        return sum(parameter.numel() for parameter in self.parameters)

    @torch.no_grad()
    def _encode(self, video: torch.Tensor) -> torch.Tensor:
        """(B,3,T,H,W) in [-1,1] → normalised latents (B,16,T',h,w)."""
        latents = self.vae.encode(video.to(self.device, self.vae.dtype)).latent_dist.mode()
        return (latents.float() - self.latents_mean) / self.latents_std

    @torch.no_grad()
    def condition(self, first_frame: torch.Tensor, num_frames: int) -> torch.Tensor:
        """The I2V condition [mask(4), latents of first frame + zeros(16)] for (B,3,H,W) frames in [0,1]."""
        batch, _, height, width = first_frame.shape
        image = first_frame.to(self.device) * 2.0 - 1.0
        video_condition = torch.cat(
            [image.unsqueeze(2), image.new_zeros(batch, 3, num_frames - 1, height, width)], dim=2)
        latent_condition = self._encode(video_condition)
        latent_frames, latent_height, latent_width = latent_condition.shape[2:]
        mask = torch.zeros(batch, 1, num_frames, latent_height, latent_width, device=self.device)
        mask[:, :, 0] = 1.0
        first = mask[:, :, :1].repeat_interleave(self.temporal_factor, dim=2)
        mask = torch.cat([first, mask[:, :, 1:]], dim=2)
        mask = mask.view(batch, -1, self.temporal_factor, latent_height, latent_width).transpose(1, 2)
        return torch.cat([mask, latent_condition], dim=1)

    def loss(self, batch: dict, generator: torch.Generator) -> torch.Tensor:
        """Flow-matching loss of one batch (``video`` (B,T,3,H,W), ``first_frame``, ``prompt``)."""
        video = batch["video"].permute(0, 2, 1, 3, 4) * 2.0 - 1.0
        num_frames = video.shape[2]
        clean = self._encode(video)
        condition = self.condition(batch["first_frame"], num_frames)
        text = self.embed_prompts(list(batch["prompt"])).to(self.device, self.transformer.dtype)
        low, high = self.config.timestep_range()
        position = low + (high - low) * torch.rand(clean.shape[0], generator=generator)
        sigma = shifted_sigma(position, self.config.shift).to(self.device)
        noise = torch.randn(clean.shape, generator=generator).to(self.device)
        sigma_b = sigma.view(-1, 1, 1, 1, 1)
        noisy = (1.0 - sigma_b) * clean + sigma_b * noise
        target = noise - clean
        model_input = torch.cat([noisy, condition], dim=1).to(self.transformer.dtype)
        prediction = self.transformer(hidden_states=model_input, timestep=sigma * NUM_TRAIN_TIMESTEPS,
                                      encoder_hidden_states=text, return_dict=False)[0]
        # The first latent frame is the given image: it is not a target.
        return F.mse_loss(prediction[:, :, 1:].float(), target[:, :, 1:].float())

    def step(self, batch: dict, generator: torch.Generator) -> float:
        """One optimiser step on ``batch``; returns the loss."""
        self.optimizer.zero_grad(set_to_none=True)
        loss = self.loss(batch, generator)
        if not torch.isfinite(loss):
            raise FloatingPointError(f"loss is {loss.item()}: lower the learning rate or check the inputs")
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.parameters, self.config.max_grad_norm)
        self.optimizer.step()
        return float(loss.item())

    def train(self, batches: Iterable[dict], on_step: Callable[[int, float], None] | None = None) -> list[float]:
        """Run ``config.steps`` steps over ``batches`` (cycled); return the loss of every step."""
        generator = torch.Generator().manual_seed(self.config.seed)
        losses = []
        for number, batch in zip(range(1, self.config.steps + 1), _cycle(batches), strict=False):
            losses.append(self.step(batch, generator))
            if on_step:
                on_step(number, losses[-1])
        return losses

    def save(self, out: str | Path) -> Path:
        """Write the adapter as ``pytorch_lora_weights.safetensors`` (diffusers' LoRA format) and the config."""
        from diffusers import WanImageToVideoPipeline

        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        state = get_peft_model_state_dict(self.transformer)
        WanImageToVideoPipeline.save_lora_weights(out, transformer_lora_layers=state)
        (out / "training_config.json").write_text(_config_json(self.config), encoding="utf-8")
        return out / "pytorch_lora_weights.safetensors"


def _cycle(batches: Iterable[dict]) -> Iterator[dict]:
    while True:
        produced = False
        for batch in batches:
            produced = True
            yield batch
        if not produced:
            raise ValueError("the data loader yielded no batches")


def _config_json(config: WanLoraConfig) -> str:
    values = asdict(config)
    values["target_modules"] = list(config.target_modules)
    return json.dumps(values, indent=2, sort_keys=True) + "\n"
