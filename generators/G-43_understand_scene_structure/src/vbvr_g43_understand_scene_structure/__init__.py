"""VBVR task G-43_understand_scene_structure (perception)."""
