"""``python -m vbvr_factory`` runs the ``vbvr-factory`` command line."""

from vbvr_factory.cli import app

app()
