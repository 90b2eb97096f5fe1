"""Settings: ``canon.toml`` at the KB root, then ``CANON_<SECTION>_<KEY>`` variables, then options.

Loaded once per command or app (never at import time). A dataclass rather than pydantic-settings:
three small layers, and the command line has to stay fast to start.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .durations import parse_duration
from .errors import ConfigError, KBNotFound

CONFIG_NAME = "canon.toml"


@dataclass
class KBSettings:
    name: str = ""
    review_every: str = "90d"
    max_source_age: str = "24m"


@dataclass
class CallSettings:
    path: str = "calls"
    internal_speakers: list[str] = field(default_factory=list)
    internal_domains: list[str] = field(default_factory=list)


@dataclass
class IndexSettings:
    path: str = ".canon"
    chroma_url: str | None = None
    lock_wait: float = 600.0  # seconds a writer waits for another writer of the same index


@dataclass
class Settings:
    root: Path
    kb: KBSettings = field(default_factory=KBSettings)
    calls: CallSettings = field(default_factory=CallSettings)
    index: IndexSettings = field(default_factory=IndexSettings)
    extra: dict[str, Any] = field(default_factory=dict)  # sections canon does not know

    @property
    def index_path(self) -> Path:
        p = Path(self.index.path).expanduser()
        return p if p.is_absolute() else self.root / p

    @property
    def calls_path(self) -> Path:
        p = Path(self.calls.path).expanduser()
        return p if p.is_absolute() else self.root / p

    @property
    def name(self) -> str:
        return self.kb.name or self.root.resolve().name


_SECTIONS = {"kb": KBSettings, "calls": CallSettings, "index": IndexSettings}


def find_kb_root(start: Path | None = None) -> Path:
    """The nearest folder from ``start`` upwards that holds a canon.toml.

    There is no fallback to the current folder: run from the wrong place, that would index
    whatever lies there (a home folder, ``/tmp``) and write an index into it.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise KBNotFound(
        f"no {CONFIG_NAME} in {here} or any folder above it, and no --kb given",
        hint="pass --kb PATH (--kb . for the current folder), or run `canon init` in the KB folder "
             f"to write a {CONFIG_NAME} there",
    )


def _coerce(section: str, key: str, raw: Any, typ: Any, origin: str) -> Any:
    if "float" in str(typ):
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"{origin}: [{section}] {key} must be a number, not {raw!r}",
                              hint=f"write it as {key} = 600") from None
        if value < 0:
            raise ConfigError(f"{origin}: [{section}] {key} must not be negative", hint=f"write it as {key} = 600")
        return value
    if "list" in str(typ):
        if isinstance(raw, str):  # from the environment: comma separated
            return [s.strip() for s in raw.split(",") if s.strip()]
        if not isinstance(raw, list) or not all(isinstance(s, str) for s in raw):
            raise ConfigError(
                f"{origin}: [{section}] {key} must be a list of strings",
                hint=f'write it as {key} = ["first", "second"]',
            )
        return raw
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise ConfigError(f"{origin}: [{section}] {key} must be a string, not {type(raw).__name__}",
                          hint=f'quote it: {key} = "{raw}"')
    return raw


def load_settings(kb: Path | str | None = None, overrides: dict[str, dict[str, Any]] | None = None,
                  environ: dict[str, str] | None = None) -> Settings:
    """Read settings for the KB at ``kb`` (default: the nearest folder from the current one
    upwards holding a canon.toml; none is an error)."""
    root = Path(kb).expanduser() if kb is not None else find_kb_root()
    if not root.exists():
        raise KBNotFound(f"no knowledge base at {root}", hint="pass --kb PATH pointing at a folder of Markdown entries")
    if not root.is_dir():
        raise KBNotFound(f"{root} is not a folder", hint="--kb takes the KB folder, not a file inside it")
    root = root.resolve()
    data: dict[str, Any] = {}
    cfg = root / CONFIG_NAME
    if cfg.is_file():
        try:
            data = tomllib.loads(cfg.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{cfg}: cannot be read as TOML: {exc}",
                              hint="fix the syntax (see SPEC section 4) or move the file away") from exc
    env = os.environ if environ is None else environ
    settings = Settings(root=root)
    for section, cls in _SECTIONS.items():
        given = data.get(section, {})
        if not isinstance(given, dict):
            raise ConfigError(f"{cfg}: [{section}] must be a table")
        target = getattr(settings, section)
        for f in fields(cls):
            origin = str(cfg)
            raw: Any = given.get(f.name, getattr(target, f.name))
            env_key = f"CANON_{section.upper()}_{f.name.upper()}"
            if env_key in env:
                raw, origin = env[env_key], f"environment variable {env_key}"
            over = (overrides or {}).get(section, {})
            if over.get(f.name) is not None:
                raw, origin = over[f.name], "command line"
            setattr(target, f.name, _coerce(section, f.name, raw, f.type, origin))
    settings.extra = {k: v for k, v in data.items() if k not in _SECTIONS}
    for key in ("review_every", "max_source_age"):
        value = getattr(settings.kb, key)
        try:
            parse_duration(value)
        except ValueError as exc:
            raise ConfigError(f"[kb] {key} = {value!r}: {exc}", hint='use a number and d, w, m or y, e.g. "90d"') from exc
    return settings
