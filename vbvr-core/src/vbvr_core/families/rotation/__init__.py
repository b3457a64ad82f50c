"""Rotation: shapes and pointers turned about a centre (`draw`), the generator flow of a steady stated turn (`task`),
turn tracking (`track`), and turns judged from per-frame angles (`judge`)."""
