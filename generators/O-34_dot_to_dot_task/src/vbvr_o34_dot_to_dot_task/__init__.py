"""VBVR task O-34_dot_to_dot_task (knowledge)."""
