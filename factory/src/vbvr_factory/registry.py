"""``registry.yaml``: which tasks to run, how many samples, which split, which seed (the schema and its loader).

A registry names a global ``seed``, the ``tasks`` of a default run and named ``presets``::

    schema_version: 1
    seed: 20250101
    tasks:                                   # the run without --preset
      - key: G-15_grid_avoid_obstacles       # task key of an installed package
        version: ">=0.1,<0.2"                # PEP 440 requirement on that package's version (optional)
        count: 100                           # samples, indices 0..count-1
        split: train                         # train | test-id | test-ood
        params: {rows: 7}                    # parameter overrides (optional; checked against the task)
    presets:
      demo:                                  # vbvr-factory run registry.yaml --preset demo
        seed: 7                              # optional; defaults to the registry seed
        count: 3                             # optional; every listed task's count
        split: test-id                       # optional; every listed task's split
        params: {rows: 5}                    # optional; merged over the task's params
        tasks: [G-15_grid_avoid_obstacles]   # optional; keys or {key, count, split, params}; default: all tasks

The file is parsed with ``yaml.SafeLoader`` (a ``!!python/...`` tag is an error, never executed). Anchors
and aliases (``&small`` / ``*small``) are allowed for sharing a few params, but the document they expand to
is bounded before anything walks it: at most ``MAX_NODES`` nodes, no alias that refers to itself, nesting at
most ``MAX_DEPTH`` deep, and a file of at most ``MAX_BYTES``. So a few hundred bytes of nested aliases (a
"billion laughs" bomb) are refused in milliseconds with bounded memory instead of expanding. Every
problem is reported as ``FILE:LINE: FIELD: what is wrong. Fix: what to do`` (:class:`RegistryError`).
The test splits name the benchmark's domains: ``test-id`` is in-domain, ``test-ood`` out-of-domain
(:meth:`Registry.bench_domains`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pydantic
import yaml
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from pydantic import BaseModel, ConfigDict, Field, StrictInt, field_validator, model_validator
from vbvr_core.contract.keys import InvalidTaskKey, validate_key
from vbvr_core.pipeline.seeds import SEED_BITS

Split = Literal["train", "test-id", "test-ood"]
SPLITS: tuple[str, ...] = ("train", "test-id", "test-ood")
BENCH_DOMAINS = {"test-id": "In-Domain", "test-ood": "Out-of-Domain"}
PRESET_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
MAX_SEED = (1 << SEED_BITS) - 1
# A paper-scale registry (150 tasks, a few presets) expands to a few thousand nodes; these limits are far above
# any real registry and far below what would take noticeable memory or time to walk.
MAX_NODES = 100_000
MAX_DEPTH = 64
MAX_BYTES = 16 * 1024 * 1024

FieldPath = tuple[str | int, ...]


def _task_key(key: str) -> str:
    try:
        return validate_key(key)
    except InvalidTaskKey as error:
        raise ValueError(str(error)) from None


def _specifier(requirement: str) -> str:
    try:
        SpecifierSet(requirement)
    except InvalidSpecifier:
        raise ValueError(f"{requirement!r} is not a PEP 440 version requirement, e.g. '>=0.1,<0.2'") from None
    return requirement


class TaskEntry(BaseModel):
    """One task of the default run: key, package version requirement, count, split, parameter overrides."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    version: str = ""
    count: StrictInt = Field(ge=1, le=10_000_000)
    split: Split = "train"
    params: dict[str, Any] = Field(default_factory=dict)

    @field_validator("key")
    @classmethod
    def _key_is_valid(cls, key: str) -> str:
        return _task_key(key)

    @field_validator("version")
    @classmethod
    def _version_is_specifier(cls, version: str) -> str:
        return _specifier(version) if version else ""


class PresetTask(BaseModel):
    """A task of a preset: its key and whatever it changes from the task's defaults (a bare key changes nothing)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    count: StrictInt | None = Field(None, ge=1, le=10_000_000)
    split: Split | None = None
    params: dict[str, Any] = Field(default_factory=dict)

    @field_validator("key")
    @classmethod
    def _key_is_valid(cls, key: str) -> str:
        return _task_key(key)

    @model_validator(mode="before")
    @classmethod
    def _bare_key(cls, value: Any) -> Any:
        return {"key": value} if isinstance(value, str) else value


class Preset(BaseModel):
    """A named run shape: optional seed, count, split and params for every task it lists."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    seed: StrictInt | None = Field(None, ge=0, le=MAX_SEED)
    count: StrictInt | None = Field(None, ge=1, le=10_000_000)
    split: Split | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    tasks: list[PresetTask] | None = Field(None, min_length=1)


class Registry(BaseModel):
    """The whole file (see the module docstring for an example)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: Literal[1] = 1
    seed: StrictInt = Field(ge=0, le=MAX_SEED)
    tasks: list[TaskEntry] = Field(min_length=1)
    presets: dict[str, Preset] = Field(default_factory=dict)

    def task(self, key: str) -> TaskEntry:
        """The default-run entry of ``key`` (raises ``KeyError`` when the registry does not list it)."""
        for entry in self.tasks:
            if entry.key == key:
                return entry
        raise KeyError(key)

    def resolve(self, preset: str | None) -> tuple[int, list[TaskEntry]]:
        """The base seed and the task entries (count, split, params merged) of ``preset`` or the default run."""
        if preset is None:
            return self.seed, list(self.tasks)
        shape = self.presets[preset]
        listed = shape.tasks if shape.tasks is not None else [PresetTask(key=entry.key) for entry in self.tasks]
        entries = []
        for item in listed:
            base = self.task(item.key)
            entries.append(TaskEntry(
                key=base.key,
                version=base.version,
                count=item.count or shape.count or base.count,
                split=item.split or shape.split or base.split,
                params={**base.params, **shape.params, **item.params},
            ))
        return (shape.seed if shape.seed is not None else self.seed), entries

    def bench_domains(self, preset: str = "test") -> dict[str, str]:
        """Task key → ``In-Domain`` / ``Out-of-Domain`` as ``preset``'s test splits assign them."""
        _, entries = self.resolve(preset if preset in self.presets else None)
        return {entry.key: BENCH_DOMAINS[entry.split] for entry in entries if entry.split in BENCH_DOMAINS}


@dataclass(frozen=True)
class RegistryProblem:
    """One problem in a registry file, located at a line and a field."""

    source: str
    line: int
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}. Fix: {self.fix}"


class RegistryError(ValueError):
    """A registry that cannot be run; ``problems`` says where and how to fix each issue."""

    def __init__(self, problems: list[RegistryProblem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def field_name(path: FieldPath) -> str:
    """``("tasks", 3, "count")`` → ``tasks[3].count``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class _Locator:
    """Line numbers (1-based) of every node of a composed YAML document, by field path."""

    def __init__(self, root: yaml.Node | None):
        self.lines: dict[FieldPath, int] = {}
        self.duplicates: list[tuple[FieldPath, int]] = []
        if root is not None:
            self._walk(root, ())

    def _walk(self, node: yaml.Node, path: FieldPath) -> None:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                name = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
                if name in seen:
                    self.duplicates.append(((*path, name), key_node.start_mark.line + 1))
                seen.add(name)
                self._walk(value_node, (*path, name))
        elif isinstance(node, yaml.SequenceNode):
            for position, item in enumerate(node.value):
                self._walk(item, (*path, position))

    def line(self, path: FieldPath) -> int:
        """The line of the deepest existing node on ``path`` (0 when the document is empty)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 0


_FIELD_FIXES = {
    "key": "use an installed task key such as G-15_grid_avoid_obstacles (`vbvr list` shows them)",
    "version": "write a requirement such as '>=0.1,<0.2'",
}
_FIXES = {
    "missing": "add the field",
    "extra_forbidden": "remove it or correct its spelling",
    "literal_error": "use one of the listed values",
    "greater_than_equal": "use a larger value",
    "less_than_equal": "use a smaller value",
    "too_short": "add at least one entry",
    "int_type": "write a whole number without quotes",
    "dict_type": "write a mapping of name: value",
    "list_type": "write a list (one '- ' item per line)",
    "model_type": "write a mapping of field: value",
    "model_attributes_type": "write a mapping of field: value",
    "string_type": "write a string",
}


@dataclass(frozen=True)
class LoadedRegistry:
    """A validated registry with the file it came from, its digest and a way to locate fields."""

    registry: Registry
    source: str
    digest: str
    locator: _Locator

    def problem(self, path: FieldPath, message: str, fix: str) -> RegistryProblem:
        """A problem at field ``path`` of this file."""
        return RegistryProblem(self.source, self.locator.line(path), field_name(path), message, fix)

    def task_path(self, key: str, preset: str | None) -> FieldPath:
        """The field path that names ``key`` in ``preset`` (or the default run), for error messages."""
        if preset is not None and self.registry.presets[preset].tasks is not None:
            for position, item in enumerate(self.registry.presets[preset].tasks or []):
                if item.key == key:
                    return ("presets", preset, "tasks", position)
        for position, entry in enumerate(self.registry.tasks):
            if entry.key == key:
                return ("tasks", position, "key")
        return ()


    def params_path(self, key: str, preset: str | None, name: str) -> FieldPath:
        """The field path that sets parameter ``name`` of ``key`` (the entry, the preset, then the task)."""
        candidates: list[FieldPath] = []
        if preset is not None:
            entry = self.task_path(key, preset)
            if entry[:1] == ("presets",):
                candidates.append((*entry, "params", name))
            candidates.append(("presets", preset, "params", name))
        for position, task in enumerate(self.registry.tasks):
            if task.key == key:
                candidates.append(("tasks", position, "params", name))
        for path in candidates:
            if path in self.locator.lines:
                return path
        return self.task_path(key, preset)


def _yaml_problem(source: str, error: yaml.YAMLError) -> RegistryProblem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    if "constructor for the tag" in problem or "python/" in problem:
        fix = "remove the tag: a registry holds plain data only (mappings, lists, strings, numbers)"
    else:
        fix = "correct the YAML syntax (indentation, ':' after keys, '- ' before list items)"
    return RegistryProblem(source, mark.line + 1 if mark else 0, "", f"not valid registry YAML: {problem}", fix)


def _expansion_problem(source: str, root: yaml.Node) -> RegistryProblem | None:
    """A problem when the node graph ``root`` (aliases share nodes) would expand beyond the limits, else None.

    Sizes are counted once per node (memoised), so this takes time linear in the file, not in the expansion.
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if children_done:
            on_path.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[id(node)] > MAX_NODES:
                return RegistryProblem(source, node.start_mark.line + 1, "", (
                    f"the document expands to more than {MAX_NODES:,} values (nested anchors and aliases)"),
                    "write the values out, or use an alias only for a small shared mapping such as params")
            continue
        if id(node) in sizes:
            continue
        if id(node) in on_path:
            return RegistryProblem(source, node.start_mark.line + 1, "", "an alias refers to its own anchor (a "
                                   "recursive structure)", "remove the alias, or point it at another anchor")
        if depth > MAX_DEPTH:
            return RegistryProblem(source, node.start_mark.line + 1, "", f"values are nested more than {MAX_DEPTH} "
                                   "levels deep", "flatten the structure; a registry needs a few levels")
        on_path.add(id(node))
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node) if id(child) not in sizes)
    return None


def _nesting_problem(source: str, text: str) -> RegistryProblem | None:
    """A problem when collections nest deeper than ``MAX_DEPTH`` (checked on the event stream, before the
    composer, which recurses once per level)."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return RegistryProblem(source, event.start_mark.line + 1, "", f"values are nested more than "
                                       f"{MAX_DEPTH} levels deep", "flatten the structure; a registry needs a few levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _semantic_problems(loaded: LoadedRegistry) -> list[RegistryProblem]:
    registry = loaded.registry
    problems = []
    known: dict[str, int] = {}
    for position, entry in enumerate(registry.tasks):
        if entry.key in known:
            problems.append(loaded.problem(("tasks", position, "key"), f"task {entry.key!r} is listed twice "
                                           f"(also tasks[{known[entry.key]}])", "list each task once"))
        known.setdefault(entry.key, position)
    for name, preset in registry.presets.items():
        if not PRESET_NAME.fullmatch(name):
            problems.append(loaded.problem(("presets", name), f"preset name {name!r} is not a lower-case word",
                                           "use letters, digits, '-' or '_', starting with a letter"))
        listed: set[str] = set()
        for position, item in enumerate(preset.tasks or []):
            path = ("presets", name, "tasks", position)
            if item.key not in known:
                problems.append(loaded.problem(path, f"task {item.key!r} is not in the registry's tasks",
                                               "add it to the top-level tasks list first, or correct the key"))
            if item.key in listed:
                problems.append(loaded.problem(path, f"task {item.key!r} is listed twice in this preset",
                                               "list each task once"))
            listed.add(item.key)
    if problems:
        return problems
    problems.extend(_seed_reuse_problems(loaded))
    return problems


def _seed_reuse_problems(loaded: LoadedRegistry) -> list[RegistryProblem]:
    """A task drawn for training and for testing with the same base seed would leak test samples into training."""
    registry = loaded.registry
    uses: dict[tuple[str, int], dict[str, str]] = {}
    for preset in [None, *registry.presets]:
        seed, entries = registry.resolve(preset)
        for entry in entries:
            kind = "train" if entry.split == "train" else "test"
            uses.setdefault((entry.key, seed), {}).setdefault(kind, f"preset {preset!r}" if preset else "the default run")
    problems = []
    for (key, seed), kinds in sorted(uses.items()):
        if len(kinds) == 2:
            test_use = kinds["test"]
            test_preset = test_use.removeprefix("preset ").strip("'")
            path: FieldPath = ("presets", test_preset) if test_use.startswith("preset ") else ("seed",)
            problems.append(loaded.problem(
                path, f"task {key!r} is drawn for train ({kinds['train']}) and for test ({test_use}) with the "
                f"same seed {seed}, so its test samples would repeat training samples",
                f"give {test_use} its own 'seed:'"))
    return problems


def load_registry(path: str | Path) -> LoadedRegistry:
    """Read, parse (safely) and validate a registry file; raises :class:`RegistryError` listing every problem."""
    source = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise RegistryError([RegistryProblem(source, 0, "", "this is a folder, not a registry file",
                                             "pass the path of a registry.yaml file")]) from None
    except OSError as error:
        raise RegistryError([RegistryProblem(source, 0, "", f"cannot read the registry: {error.strerror}",
                                             "pass the path of an existing registry.yaml")]) from None
    if len(data) > MAX_BYTES:
        raise RegistryError([RegistryProblem(source, 0, "", f"the file is larger than {MAX_BYTES // 2**20} MiB",
                                             "a registry lists tasks and presets; pass the right file")])
    try:
        text = data.decode("utf-8")
        problem = _nesting_problem(source, text)
        if problem:
            raise RegistryError([problem])
        loader = yaml.SafeLoader(text)
        try:
            root = loader.get_single_node()
            problem = _expansion_problem(source, root) if root is not None else None
            if problem:
                raise RegistryError([problem])
            document = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except UnicodeDecodeError:
        raise RegistryError([RegistryProblem(source, 0, "", "the file is not UTF-8 text", "save it as UTF-8")]) from None
    except yaml.YAMLError as error:
        raise RegistryError([_yaml_problem(source, error)]) from None
    locator = _Locator(root)
    if not isinstance(document, dict):
        raise RegistryError([RegistryProblem(source, locator.line(()), "", "the registry must be a mapping with "
                                             f"'seed' and 'tasks', got {type(document).__name__}",
                                             "start from the example in factory/README.md")])
    if locator.duplicates:
        raise RegistryError([RegistryProblem(source, line, field_name(field), "this key appears twice in its mapping",
                                             "keep one of them") for field, line in locator.duplicates])
    try:
        registry = Registry.model_validate(document)
    except pydantic.ValidationError as error:
        problems = []
        for item in error.errors():
            location: FieldPath = tuple(item["loc"])
            got = "" if item["type"] == "missing" else f" (got {item['input']!r})"
            message = item["msg"].removeprefix("Value error, ") + got
            fix = _FIELD_FIXES.get(str(location[-1])) if item["type"] == "value_error" and location else None
            problems.append(RegistryProblem(source, locator.line(location), field_name(location), message,
                                            fix or _FIXES.get(item["type"], "correct the value")))
        raise RegistryError(problems) from None
    loaded = LoadedRegistry(registry, source, hashlib.sha256(data).hexdigest(), locator)
    problems = _semantic_problems(loaded)
    if problems:
        raise RegistryError(problems)
    return loaded
