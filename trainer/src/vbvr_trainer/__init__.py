"""VBVR trainer: data loaders, a CPU scaling study and the Wan2.2 LoRA recipe."""

__version__ = "0.2.1"
