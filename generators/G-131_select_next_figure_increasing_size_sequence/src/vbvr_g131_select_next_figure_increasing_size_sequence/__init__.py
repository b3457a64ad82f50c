"""VBVR task G-131_select_next_figure_increasing_size_sequence (abstraction)."""
