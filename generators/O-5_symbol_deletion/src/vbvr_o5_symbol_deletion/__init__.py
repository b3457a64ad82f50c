"""VBVR task O-5_symbol_deletion (transformation)."""
