"""Physics: the textbook laws several knowledge tasks follow, with their drawing and judging side by side.

- ``rays``: light rays at a surface — the law of reflection and Snell's law of refraction, a ray drawn growing
  from the point where it leaves the surface, and the judge of a drawn ray (direction against the law, anchor,
  extent, stray ink, growth).
- ``scene``: a lamp's ray meeting a flat surface at a point — where the lamp stands, the incoming direction and
  the normal — and the answer ray grown from that point (trajectory, thin and thick alternatives, near misses);
  ``SurfaceRayGenerator``, the generator flow of such a task.
- ``ball``: a ball moving over a still picture in real time — its sprite, how many frames a motion takes, and the
  judge's tracker of the ball (where it is seen, on the 512-px canvas, in which frames), its fitted start, and
  the start, end and motion parts every such scorer records (``judge_ball_motion``).
"""
