"""VBVR task G-140_locate_topmost_unobscured_figure (spatiality)."""
