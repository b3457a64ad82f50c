"""VBVR task O-55_rotation (spatiality)."""
