"""VBVR task G-47 multiple_keys_for_one_door (spatiality)."""
