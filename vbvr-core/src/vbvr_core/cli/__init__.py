"""The ``vbvr`` command line (:mod:`vbvr_core.cli.app`) and what every VBVR command line shares
(:mod:`vbvr_core.cli.usage`).

Nothing is imported here, so ``vbvr-factory``, ``vbvr-bench`` and ``vbvr-trainer`` import ``usage`` without
loading the ``vbvr`` commands. ``vbvr_core.cli.app`` is both the module and, read from this package, the
Typer app (the entry point of releases before 0.2 named ``vbvr_core.cli:app``).
"""

from __future__ import annotations

__all__ = ["app"]


def __getattr__(name: str):
    if name == "app":
        import importlib

        typer_app = importlib.import_module("vbvr_core.cli.app").app
        globals()["app"] = typer_app  # importing the submodule bound its name here; the app is what is meant
        return typer_app
    raise AttributeError(name)
