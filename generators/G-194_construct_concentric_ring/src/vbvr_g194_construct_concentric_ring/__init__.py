"""VBVR task G-194_construct_concentric_ring (transformation)."""
