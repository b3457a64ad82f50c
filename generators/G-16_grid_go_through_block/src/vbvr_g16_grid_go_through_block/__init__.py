"""VBVR task G-16_grid_go_through_block (spatiality)."""
