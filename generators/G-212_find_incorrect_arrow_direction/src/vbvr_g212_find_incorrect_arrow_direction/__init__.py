"""VBVR task G-212_find_incorrect_arrow_direction (perception)."""
