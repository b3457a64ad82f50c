"""Physics: the textbook laws several knowledge tasks follow, with their drawing and judging side by side.

- ``rays``: light rays at a surface — the law of reflection and Snell's law of refraction, a ray drawn growing
  from the point where it leaves the surface, and the judge of a drawn ray (direction against the law, anchor,
  extent, stray ink, growth).
"""
