"""VBVR task O-25_lego_construction_assembly (spatiality)."""
