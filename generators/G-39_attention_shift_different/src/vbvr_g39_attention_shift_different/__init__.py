"""VBVR task G-39_attention_shift_different (perception)."""
