"""VBVR task G-135_select_next_figure_small_large_alternating_sequence (abstraction)."""
