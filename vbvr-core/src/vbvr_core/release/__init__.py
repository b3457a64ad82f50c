"""Release tooling for the repository's independently versioned packages.

- :mod:`.packages` finds the packages of the repository and reads their names and versions;
- :mod:`.versions` fails when a package changed since a revision without a version bump;
- :mod:`.build` builds wheels and sdists with the package's git commit baked in;
- :mod:`.index` writes a PEP 503 simple index over the built files;
- :mod:`.cli` exposes them as ``vbvr release check|build``.

Versions are static (in each ``pyproject.toml``) rather than derived from tags by setuptools-scm: in a
monorepo a tag-derived version changes with every commit anywhere, and sdists lose it without git
metadata; a static version is explicit, reviewable in the pull request, and ``vbvr release check``
enforces that every change to a package's code comes with a bump. Release tags are
``<package folder name>/v<version>`` (``G-15_grid_avoid_obstacles/v0.1.0``, ``vbvr-core/v0.1.0``).
"""
