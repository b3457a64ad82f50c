"""VBVR task G-15 grid_avoid_obstacles (spatiality)."""
