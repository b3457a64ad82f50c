"""VBVR task O-62 gravity_physics (knowledge)."""
