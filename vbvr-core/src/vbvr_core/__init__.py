"""vbvr-core: the contract every VBVR task implements, and the machinery all parts share.

Laid out by job (see the package README, "Where things are"): ``contract`` (what a plugin imports),
``discovery``, ``pipeline``, ``media``, ``draw``, ``judge``, ``solve``, ``families``, ``testing``,
``review``, ``release``, ``cli``. Importing this package imports nothing else.
"""
