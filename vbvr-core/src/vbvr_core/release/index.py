"""A PEP 503 "simple" index over a folder of wheels and sdists, usable with ``pip --extra-index-url file://…``."""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename


def _project_of(filename: str) -> str | None:
    try:
        if filename.endswith(".whl"):
            return canonicalize_name(parse_wheel_filename(filename)[0])
        if filename.endswith(".tar.gz"):
            return canonicalize_name(parse_sdist_filename(filename)[0])
    except ValueError:
        return None
    return None


def _page(title: str, links: list[tuple[str, str]]) -> str:
    body = "\n".join(f'    <a href="{html.escape(href)}">{html.escape(text)}</a><br/>' for href, text in links)
    return f"<!DOCTYPE html>\n<html>\n  <head><title>{html.escape(title)}</title></head>\n  <body>\n{body}\n  </body>\n</html>\n"


def write_simple_index(dist: Path) -> Path:
    """Write ``dist/simple/`` (root page + one page per project, links with #sha256=) and return it."""
    simple = dist / "simple"
    projects: dict[str, list[Path]] = {}
    for path in sorted(dist.iterdir()):
        project = _project_of(path.name) if path.is_file() else None
        if project:
            projects.setdefault(project, []).append(path)
    for project, files in projects.items():
        page = simple / project
        page.mkdir(parents=True, exist_ok=True)
        links = [(f"../../{f.name}#sha256={hashlib.sha256(f.read_bytes()).hexdigest()}", f.name) for f in files]
        (page / "index.html").write_text(_page(f"Links for {project}", links))
    simple.mkdir(parents=True, exist_ok=True)
    (simple / "index.html").write_text(_page("Simple index", [(f"{p}/", p) for p in sorted(projects)]))
    return simple

