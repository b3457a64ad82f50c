"""Shape rules: visual analogies on shapes ("A is to B as C is to ?"): an example shape changes by a rule — scale,
colour, outline/fill, move — and the same rule(s) are applied, step by step, to a new shape."""
