"""VBVR task G-248_mark_asymmetrical_shape (perception)."""
