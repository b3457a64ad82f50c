"""Rotation: a polygon sprite turned about a centre."""
