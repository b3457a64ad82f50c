"""VBVR task O-54_control_panel (abstraction)."""
