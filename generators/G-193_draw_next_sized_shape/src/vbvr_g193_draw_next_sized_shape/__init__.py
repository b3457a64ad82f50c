"""VBVR task G-193_draw_next_sized_shape (abstraction)."""
