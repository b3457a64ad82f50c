"""VBVR task O-65_animal_size_sorting (perception)."""
