"""VBVR task G-18 grid_shortest_path (spatiality)."""
