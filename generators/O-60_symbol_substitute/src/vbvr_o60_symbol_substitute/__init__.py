"""VBVR task O-60_symbol_substitute (transformation)."""
