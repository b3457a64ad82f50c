"""Rotation: shapes and pointers turned about a centre (`draw`), and turns judged from per-frame angles (`judge`)."""
