"""VBVR task G-240_add_borders_to_unbordered_shapes (transformation)."""
