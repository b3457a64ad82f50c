"""VBVR task G-161_mark_second_largest_shape (perception)."""
