"""VBVR task O-19_mirror_reflection (knowledge)."""
