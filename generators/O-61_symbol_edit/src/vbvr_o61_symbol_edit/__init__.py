"""VBVR task O-61_symbol_edit (transformation)."""
