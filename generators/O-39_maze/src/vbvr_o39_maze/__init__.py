"""VBVR task O-39 maze (spatiality)."""
