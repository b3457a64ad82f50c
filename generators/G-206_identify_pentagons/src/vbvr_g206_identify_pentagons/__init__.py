"""VBVR task G-206_identify_pentagons (perception)."""
