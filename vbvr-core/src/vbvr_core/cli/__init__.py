"""The ``vbvr`` command line (:mod:`vbvr_core.cli.app`) and what every VBVR command line shares
(:mod:`vbvr_core.cli.usage`)."""

from vbvr_core.cli.app import app

__all__ = ["app"]
