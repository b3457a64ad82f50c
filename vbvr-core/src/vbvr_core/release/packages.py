"""The packages of the repository: where they are, what they are called, which version they carry."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

TOP_LEVEL_PACKAGES = ("vbvr-core", "factory", "bench", "trainer")


@dataclass(frozen=True)
class RepoPackage:
    """One package of the repository: its folder (relative to the root), dist name, version, import name."""

    folder: str
    dist: str
    version: str
    import_name: str

    @property
    def tag_prefix(self) -> str:
        """Release tags of this package are ``<tag_prefix>/v<version>``."""
        return Path(self.folder).name


def read_package(root: Path, folder: str) -> RepoPackage:
    """Read ``<root>/<folder>/pyproject.toml`` (raises ValueError naming the file when it is incomplete)."""
    path = root / folder / "pyproject.toml"
    project = tomllib.loads(path.read_text("utf-8")).get("project", {})
    if "name" not in project or "version" not in project:
        raise ValueError(f"{path}: [project] needs a static name and version")
    source = root / folder / "src"
    modules = sorted(p.name for p in source.iterdir() if (p / "__init__.py").exists()) if source.is_dir() else []
    if len(modules) != 1:
        raise ValueError(f"{source}: expected exactly one package, found {modules}")
    return RepoPackage(folder=folder, dist=project["name"], version=project["version"], import_name=modules[0])


def repo_packages(root: Path) -> list[RepoPackage]:
    """Every package of the repository: the top-level ones that exist, then each generators/* folder."""
    folders = [name for name in TOP_LEVEL_PACKAGES if (root / name / "pyproject.toml").is_file()]
    folders += sorted(f"generators/{p.name}" for p in (root / "generators").glob("*") if (p / "pyproject.toml").is_file())
    return [read_package(root, folder) for folder in folders]


def find_package(root: Path, name: str) -> RepoPackage:
    """The package whose folder, folder name, dist or tag prefix is ``name`` (raises LookupError)."""
    packages = repo_packages(root)
    for package in packages:
        if name in (package.folder, package.dist, package.tag_prefix, package.folder.rstrip("/")):
            return package
    raise LookupError(f"no package {name!r} in {root}; known: {', '.join(p.tag_prefix for p in packages)}")
