"""VBVR task O-18_glass_refraction (knowledge)."""
