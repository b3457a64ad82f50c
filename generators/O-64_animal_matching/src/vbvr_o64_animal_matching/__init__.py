"""VBVR task O-64_animal_matching (transformation)."""
