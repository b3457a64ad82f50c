"""Connections: lines drawn between points (numbered dots joined in order, circles of one colour joined in pairs),
grown stroke by stroke beneath the points; the judge of which pairs are joined — by a straight segment or by a
curve of a colour — of extra joins, and of the strokes growing one after another."""
