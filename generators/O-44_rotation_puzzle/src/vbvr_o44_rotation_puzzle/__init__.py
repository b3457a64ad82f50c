"""VBVR task O-44_rotation_puzzle (transformation)."""
