"""VBVR task O-58_symbol_delete (transformation)."""
