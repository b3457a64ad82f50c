"""VBVR task G-250_color_triple_intersection_red (perception)."""
