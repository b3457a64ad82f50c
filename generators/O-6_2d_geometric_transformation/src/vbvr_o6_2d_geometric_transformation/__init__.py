"""VBVR task O-6_2d_geometric_transformation (transformation)."""
