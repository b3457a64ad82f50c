"""Task families: what several tasks share, with its drawing and its judging side by side.

- ``gridwalk``: an agent walks cell by cell on a grid (draw a walk; track the agent; judge the walk);
- ``arrangement``: objects move into places in a row (plan and render moves; judge the order and travel);
- ``marking``: a ring is drawn around the answer (animate the ring; judge which candidate it encloses);
- ``fill_in``: missing content appears in target boxes (reveal it; judge each box and the rest);
- ``rotation``: a shape turns about a centre (draw the rotating sprite);
- ``sequence_choice``: figures whose size follows a rule, candidates below, the next one ringed (size rules and
  solver, scene and generator, the judge: the marking judge plus a same-scene check).
- ``outline``: a coloured line traced along one figure's boundary (trace it; judge which boundary it follows, and
  whether it runs along all of it).
- ``shape_rules``: visual analogies on shapes — an example changes by rule steps (scale, colour, outline/fill,
  move) and the same steps are applied, one by one, to a new shape (scene, animation, the rule judge).
- ``symbol_row``: a centred row of coloured glyphs edited one symbol at a time — deleted, substituted (symbol sets,
  row geometry, sprites and stage; the judge of each slot, stray ink, the row closing a gap, a symbol fading).
- ``physics``: textbook laws several knowledge tasks follow — light rays at a surface (reflection, Snell's
  refraction), a ray drawn growing from its point, and the judge of a drawn ray (direction, anchor, growth).
- ``placement``: solid pieces turn in place (if asked), then slide along their rows into dashed outlines of
  themselves, nothing crossing (layout, turn-then-slide animation; the judge of each piece's pose in every frame).
- ``color_mix``: coloured discs move together and mix where they overlap (mixing rules, the painter; the judge of
  the mixture's colour against declared wrong mixtures, of the colours' travel and of the mixture's spread).
- ``geometry_marks``: red marks on points of a construction (an intersection, a polygon side's midpoint, dots in
  a region): a dot or a segment drawn over (draw); which points the marks mark, in any clear style (judge).
- ``dominoes``: domino chains seen from above — who knocks whom (reach, gaps, forks), the chain reaction drawn domino
  by domino, and the judge of which dominoes lie at the end, in what order and over what time they fell.
- ``stacking``: pieces carried one at a time into places of their own (shape cards into their outlines, cartoon
  animal faces into their silhouettes or a sorted row): animal faces, and the judge of each piece's arrival, of
  the one-at-a-time order and of the travel.
- ``connections``: lines drawn between points (numbered dots joined in order, same-coloured circles joined in
  pairs), grown stroke by stroke beneath them (draw); which pairs are joined — by a straight segment or a curve of
  a colour — extra joins, and the lines drawn one after another (judge).
"""
