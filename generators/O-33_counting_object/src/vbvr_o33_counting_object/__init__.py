"""VBVR task O-33 counting_object (perception)."""
