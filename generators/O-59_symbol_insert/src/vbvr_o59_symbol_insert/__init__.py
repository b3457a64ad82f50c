"""VBVR task O-59 symbol_insert (transformation)."""
