"""VBVR task G-147_identify_unique_figure_in_uniform_set (perception)."""
