"""VBVR task G-217_circle_central_dot (knowledge)."""
