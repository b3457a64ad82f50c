"""Fill-in: content revealed in target boxes, and the judge of each box and of the rest of the picture."""
