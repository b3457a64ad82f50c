"""VBVR task O-53 clock (knowledge)."""
