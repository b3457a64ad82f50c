"""VBVR task G-138_spot_unique_non_repeated_color (perception)."""
