"""VBVR task O-22_construction_stack (transformation)."""
