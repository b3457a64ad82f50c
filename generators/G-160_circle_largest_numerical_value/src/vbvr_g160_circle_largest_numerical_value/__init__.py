"""VBVR task G-160 circle_largest_numerical_value (knowledge)."""
