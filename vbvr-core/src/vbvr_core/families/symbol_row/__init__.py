"""Symbol rows: a centred row of coloured glyphs edited one symbol at a time (delete, substitute), and the judge.

``draw`` holds the symbol sets, their names in prompts, the row geometry and the sprites (a glyph, a faded
copy, a marking frame); a task composes its frames from :class:`~vbvr_core.families.symbol_row.draw.Piece`
placements on a :class:`~vbvr_core.families.symbol_row.draw.RowStage`. ``judge`` reads a model's video: its
colours mapped onto ours, each expected slot compared with the reference by the soft IoU of its ink, stray
ink where the reference row has none, the outer edge of the row while it closes a gap, and the ink of one
symbol in its own box while it fades out or in.
"""
