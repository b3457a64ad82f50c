"""VBVR task O-21_construction_blueprint (abstraction)."""
