"""VBVR task G-219_select_leftmost_shape (spatiality)."""
