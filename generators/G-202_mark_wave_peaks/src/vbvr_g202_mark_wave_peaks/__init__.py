"""VBVR task G-202_mark_wave_peaks (perception)."""
