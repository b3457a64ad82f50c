"""VBVR task G-247_identify_chinese_character (knowledge)."""
