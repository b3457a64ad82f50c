"""VBVR task G-273_high_density_liquid (knowledge)."""
