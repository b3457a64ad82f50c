"""VBVR task G-31 directed_graph_navigation (spatiality)."""
