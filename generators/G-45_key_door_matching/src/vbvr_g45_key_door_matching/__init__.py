"""VBVR task G-45_key_door_matching (spatiality)."""
