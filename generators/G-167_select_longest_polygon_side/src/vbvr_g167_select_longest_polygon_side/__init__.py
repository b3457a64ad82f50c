"""VBVR task G-167_select_longest_polygon_side (perception)."""
