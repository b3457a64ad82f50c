"""VBVR task G-41_grid_highest_cost (abstraction)."""
