"""VBVR task G-168_identify_nearest_to_square_rectangle (perception)."""
