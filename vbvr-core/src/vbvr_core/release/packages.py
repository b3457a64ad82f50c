"""The packages of the repository: where they are, what they are called, which version they carry.

This is the one package list: the Makefile and the noxfile run this file (standard library only, so it works
before anything is installed): ``python3 vbvr-core/src/vbvr_core/release/packages.py`` prints the folders.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

TOP_LEVEL_PACKAGES = ("vbvr-core", "factory", "bench", "trainer")
BASELINE_FILE = "release-baseline.toml"  # the last release's commit, read by `vbvr release check`


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


def package_folders(root: Path) -> list[str]:
    """Folders (relative to ``root``) of every package: the top-level ones that exist, then generators/*."""
    folders = [name for name in TOP_LEVEL_PACKAGES if (root / name / "pyproject.toml").is_file()]
    folders += sorted(f"generators/{p.name}" for p in (root / "generators").glob("*") if (p / "pyproject.toml").is_file())
    return folders


def repo_packages(root: Path) -> list[RepoPackage]:
    """Every package of the repository (raises ValueError naming a package folder that is incomplete)."""
    return [read_package(root, folder) for folder in package_folders(root)]


def find_package(root: Path, name: str) -> RepoPackage:
    """The package whose folder, folder name or dist name is ``name`` (raises LookupError)."""
    folders = package_folders(root)
    for folder in folders:
        if name.rstrip("/") in (folder, Path(folder).name):
            return read_package(root, folder)
    for folder in folders:
        try:
            package = read_package(root, folder)
        except ValueError:
            continue
        if package.dist == name:
            return package
    raise LookupError(f"no package {name!r} in {root}; known: {', '.join(Path(f).name for f in folders)}")


if __name__ == "__main__":  # the Makefile's and the noxfile's package list
    print(" ".join(package_folders(Path(__file__).resolve().parents[4])))
