"""VBVR task O-43_object_subtraction (abstraction)."""
