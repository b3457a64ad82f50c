"""VBVR task G-134_select_next_figure_large_small_alternating_sequence (abstraction)."""
