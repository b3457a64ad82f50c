"""VBVR task G-13_grid_number_sequence (spatiality)."""
