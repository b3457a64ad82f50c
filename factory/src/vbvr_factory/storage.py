"""The output root of a run, local folder or ``s3://bucket/prefix``, through fsspec.

Contract:

- every path is relative to the root and checked by :meth:`OutputRoot.resolve`: no absolute paths, no
  ``..``, no empty or hidden components other than the factory's own staging names, so nothing is ever
  written outside the root;
- single files are written atomically (local: temp file + ``os.replace``; object stores: one PUT);
- a sample folder is published with ``metadata.json`` LAST and removed with ``metadata.json`` FIRST, so a
  sample counts as present exactly when its metadata exists (and its checksums match, see
  :mod:`vbvr_factory.checks`).

S3 endpoints come from ``AWS_ENDPOINT_URL`` or the ``endpoint_url`` storage option.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import fsspec
from fsspec.implementations.local import LocalFileSystem
from vbvr_core.pipeline.sample_io import METADATA

SAFE_COMPONENT = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


def _file_mode() -> int:
    """The mode ``open()`` would give a new file under the current umask (temp files start at 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class UnsafePathError(ValueError):
    """A relative path that would leave the output root (or is not a plain relative path)."""


def parse_storage_options(pairs: list[str]) -> dict[str, Any]:
    """``["endpoint_url=http://…", "anon=false"]`` → options dict (``true``/``false`` become booleans)."""
    options: dict[str, Any] = {}
    for pair in pairs:
        name, separator, value = pair.partition("=")
        if not separator or not name:
            raise ValueError(f"storage option {pair!r} is not NAME=VALUE, e.g. endpoint_url=http://127.0.0.1:9000")
        options[name] = {"true": True, "false": False}.get(value.lower(), value)
    return options


class OutputRoot:
    """A run's output root: ``url`` (a folder path or ``protocol://…``) and fsspec ``storage_options``."""

    def __init__(self, url: str, storage_options: dict[str, Any] | None = None):
        self.url = str(url)
        self.storage_options = dict(storage_options or {})
        options = dict(self.storage_options)
        if self.url.startswith("s3://"):
            endpoint = options.pop("endpoint_url", None) or os.environ.get("AWS_ENDPOINT_URL")
            if endpoint:
                options["endpoint_url"] = endpoint
            options.setdefault("use_listings_cache", False)
        self.fs, root = fsspec.core.url_to_fs(self.url, **options)
        self.is_local = isinstance(self.fs, LocalFileSystem)
        self.root = str(Path(root).resolve()) if self.is_local else root.rstrip("/")

    def resolve(self, relative: str) -> str:
        """The full path of ``relative`` under the root; raises :class:`UnsafePathError` if it would escape."""
        if not isinstance(relative, str) or not relative or relative.startswith("/") or "\\" in relative:
            raise UnsafePathError(f"{relative!r} is not a relative '/'-separated path")
        parts = relative.split("/")
        if any(not SAFE_COMPONENT.fullmatch(part) for part in parts):
            raise UnsafePathError(f"{relative!r} has an empty, hidden or unsafe component (e.g. '..')")
        full = f"{self.root}/{relative}"
        if self.is_local:
            resolved = Path(full).resolve()
            if resolved != Path(self.root) and Path(self.root) not in resolved.parents:
                raise UnsafePathError(f"{relative!r} resolves outside the output root {self.root}")
        return full

    def local_path(self, relative: str) -> Path:
        """``relative`` as a local path (only for local roots)."""
        if not self.is_local:
            raise TypeError(f"{self.url} is not a local folder")
        return Path(self.resolve(relative))

    def container_exists(self) -> bool:
        """True for local roots; for object stores, whether the bucket exists."""
        return self.is_local or self.fs.exists(self.root.split("/", 1)[0])

    def writable_problem(self) -> str | None:
        """Why a run could not write into this root (a sentence with the fix), or None when it can.

        Local roots only (object stores answer per request): the root, or the nearest folder that exists
        on its way, must be a folder this process may write into. Nothing is created or written here.
        """
        if not self.is_local:
            return None
        path = Path(self.root)
        existing = Path(os.path.abspath(self.url))  # as given: a link on the way is looked at, not followed
        while not existing.exists() and existing != existing.parent:
            if existing.is_symlink():  # a dangling link: the folder it names does not exist
                return (f"--out {self.url}: {existing} is a symbolic link to a missing {os.readlink(existing)}; "
                        "create its target or choose another --out")
            existing = existing.parent
        if not existing.is_dir():
            return (f"--out {self.url}: {existing} is a file, not a folder, so nothing can be written under it; "
                    "choose a folder path for --out")
        if not os.access(existing, os.W_OK | os.X_OK):
            what = "the output folder" if existing.resolve() == path else (
                f"{existing} (where the output folder would be created)")
            return (f"--out {self.url}: this user may not write into {what} (permission denied or a read-only file "
                    f"system); choose a folder you can write, or make it writable (chmod u+w {existing})")
        return None

    def is_empty(self) -> bool:
        """True when the root does not exist yet or holds nothing."""
        try:
            return not self.fs.ls(self.root, detail=False)
        except FileNotFoundError:
            return True

    def read_bytes(self, relative: str) -> bytes | None:
        """The bytes of file ``relative``, or None when it does not exist."""
        try:
            return self.fs.cat_file(self.resolve(relative))
        except FileNotFoundError:
            return None

    def write_bytes(self, relative: str, data: bytes) -> None:
        """Write file ``relative`` atomically (readers see the old bytes or the new, never a mix)."""
        full = self.resolve(relative)
        if self.is_local:
            target = Path(full)
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", delete=False) as handle:
                handle.write(data)
            os.chmod(handle.name, _file_mode())
            os.replace(handle.name, target)
        else:
            self.fs.pipe_file(full, data)

    def put_file(self, local: Path, relative: str) -> None:
        """Copy local file ``local`` to ``relative`` atomically (local: temp + rename; object stores: one PUT)."""
        full = self.resolve(relative)
        if self.is_local:
            target = Path(full)
            target.parent.mkdir(parents=True, exist_ok=True)
            staging = target.parent / f".{target.name}.{os.getpid()}.tmp"
            shutil.copyfile(local, staging)
            os.chmod(staging, _file_mode())
            os.replace(staging, target)
        else:
            self.fs.put_file(str(local), full)

    def publish_sample(self, staging: Path, relative: str) -> None:
        """Copy a complete local sample folder to ``relative``, ``metadata.json`` last (replacing any old one)."""
        full = self.resolve(relative)
        if self.fs.exists(f"{full}/{METADATA}"):
            self.fs.rm_file(f"{full}/{METADATA}")
        names = sorted(path.name for path in staging.iterdir() if path.name != METADATA) + [METADATA]
        for name in names:
            self.fs.put_file(str(staging / name), f"{full}/{name}")

    def remove_sample(self, relative: str) -> None:
        """Delete sample folder ``relative`` if it exists, ``metadata.json`` first."""
        full = self.resolve(relative)
        if self.is_local:
            if Path(full).exists():
                (Path(full) / METADATA).unlink(missing_ok=True)
                shutil.rmtree(full)
            return
        try:
            files = sorted(self.fs.ls(full, detail=False), key=lambda name: not name.endswith(METADATA))
        except FileNotFoundError:
            return
        for name in files:
            self.fs.rm_file(name)

    def list_dirs(self, relative: str) -> list[str]:
        """Names of the sub-folders of ``relative`` (empty when it does not exist)."""
        self.fs.invalidate_cache()
        try:
            entries = self.fs.ls(self.resolve(relative), detail=True)
        except FileNotFoundError:
            return []
        return sorted(entry["name"].rstrip("/").rsplit("/", 1)[-1] for entry in entries
                      if entry["type"] == "directory")

    def disk_usage(self, relative: str | None = None) -> int:
        """Bytes of every file under ``relative`` (or the whole root)."""
        self.fs.invalidate_cache()
        path = self.resolve(relative) if relative else self.root
        try:
            return int(self.fs.du(path, total=True))
        except FileNotFoundError:
            return 0

    def remove_stale_staging(self, relative: str) -> int:
        """Delete leftovers of writes killed mid-way (``.NNNN.partial`` / ``.NNNN.old`` folders) under a task folder."""
        if not self.is_local:
            return 0
        folder = self.local_path(relative)
        removed = 0
        for leftover in folder.glob(".*") if folder.is_dir() else []:
            if re.fullmatch(r"\.\d+\.(partial|old)", leftover.name) and leftover.is_dir():
                shutil.rmtree(leftover)
                removed += 1
        return removed

    def count_samples(self, relative: str) -> int:
        """Sample folders directly under task folder ``relative`` that hold a ``metadata.json``."""
        self.fs.invalidate_cache()
        return len(self.fs.glob(f"{self.resolve(relative)}/*/{METADATA}"))


@functools.lru_cache(maxsize=8)
def _cached_root(url: str, options_items: tuple[tuple[str, Any], ...]) -> OutputRoot:
    return OutputRoot(url, dict(options_items))


def open_root(url: str, storage_options: dict[str, Any] | None = None) -> OutputRoot:
    """An :class:`OutputRoot`, cached per process (workers open the same root for every chunk)."""
    return _cached_root(str(url), tuple(sorted((storage_options or {}).items())))
