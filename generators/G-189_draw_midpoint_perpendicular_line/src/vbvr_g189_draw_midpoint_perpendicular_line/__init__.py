"""VBVR task G-189_draw_midpoint_perpendicular_line (perception)."""
