"""VBVR task G-223_highlight_horizontal_lines (perception)."""
