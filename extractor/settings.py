"""LLM engine settings: command-line flags > environment > config file > defaults.

Environment names follow the openai client's (`OPENAI_API_KEY`, `OPENAI_BASE_URL`) so an
existing setup just works; everything else is `EXTRACTOR_<FIELD>` (`EXTRACTOR_MODEL`,
`EXTRACTOR_MODE`, `EXTRACTOR_MAX_REASKS`, ...). The config file is TOML, read from
`--config`, else `./extractor.toml`, else `~/.config/extractor/config.toml`; its keys sit
at the top level or under `[llm]`, and a `[prices]` table adds or overrides model prices:

    model = "gpt-4o-mini"
    [prices]
    "my-finetune" = [0.3, 1.2]   # USD per 1M prompt, completion tokens

The API key is a SecretStr: it prints as '**********' and is only unwrapped when the
client is built.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from .engines.llm.endpoint import check_base_url, split_credentials
from .engines.llm.pricing import DEFAULT_PRICES

Mode = Literal["tools", "json_schema", "md_json"]
CONFIG_CANDIDATES = (Path("extractor.toml"), Path("~/.config/extractor/config.toml"))


class SettingsError(ValueError):
    """A bad config file or setting: a usage error (exit 2)."""


def find_config(explicit: str | Path | None) -> Path | None:
    if explicit:
        p = Path(explicit).expanduser()
        if not p.is_file():
            raise SettingsError(f"config file not found: {p}")
        return p
    for cand in CONFIG_CANDIDATES:
        p = cand.expanduser()
        if p.is_file():
            return p
    return None


def read_config(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise SettingsError(f"cannot read config file {path}: {e}") from None
    table = dict(data.get("llm", {})) if isinstance(data.get("llm"), dict) else {
        k: v for k, v in data.items() if not isinstance(v, dict)
    }
    if isinstance(data.get("prices"), dict):
        table["prices"] = data["prices"]
    return table


class _TomlSource(PydanticBaseSettingsSource):
    """The config file as the lowest-priority settings source."""

    def __init__(self, settings_cls: type[BaseSettings], values: dict[str, Any]) -> None:
        super().__init__(settings_cls)
        self.values = values

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return self.values.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return {k: v for k, v in self.values.items() if k in self.settings_cls.model_fields}


class LLMSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EXTRACTOR_", populate_by_name=True, extra="ignore")

    model: str = "gpt-4o-mini"
    base_url: str | None = Field(None, validation_alias=AliasChoices("base_url", "OPENAI_BASE_URL", "EXTRACTOR_BASE_URL"))
    api_key: SecretStr | None = Field(None, validation_alias=AliasChoices("api_key", "OPENAI_API_KEY", "EXTRACTOR_API_KEY"))
    mode: Mode = "tools"
    max_reasks: int = Field(2, ge=0, le=10)
    timeout: float = Field(120.0, gt=0, description="seconds per HTTP request")
    max_retries: int = Field(4, ge=0, le=20, description="transport retries per request (429, 5xx, timeouts)")
    backoff_initial: float = Field(1.0, ge=0, description="first backoff wait, seconds; doubles per retry")
    backoff_max: float = Field(30.0, ge=0)
    retry_after_max: float = Field(60.0, ge=0, description="longest Retry-After we honour, seconds")
    context_tokens: int = Field(8192, ge=512, description="the model's context window, tokens")
    max_output_tokens: int | None = Field(None, ge=64, description="max_tokens per answer (None: as many as a chunk of article, at most 4096)")
    temperature: float = 0.0
    prompt: str = "attribution"
    prompts_dir: Path | None = None
    cross_check: bool = False
    max_length_splits: int = Field(3, ge=0, description="times a truncated chunk is halved before giving up")
    prices: dict[str, tuple[float, float]] = Field(default_factory=lambda: dict(DEFAULT_PRICES))
    # The Authorization header made from credentials in base_url (`endpoint`); never read
    # from a source, always derived, never stored (not an output setting).
    url_auth: SecretStr | None = Field(None, exclude=True, repr=False)

    # The config file path is not a setting of its own; it picks the lowest source.
    _config_values: ClassVar[dict[str, Any]] = {}

    @field_validator("mode", mode="before")
    @classmethod
    def _lower(cls, v: Any) -> Any:
        return v.lower() if isinstance(v, str) else v

    @field_validator("base_url")
    @classmethod
    def _check_url(cls, v: str | None) -> str | None:
        return check_base_url(v) if v is not None else None

    @model_validator(mode="after")
    def _credentials(self) -> "LLMSettings":
        self.url_auth = None
        if self.base_url:
            self.base_url, auth = split_credentials(self.base_url)
            self.url_auth = SecretStr(auth) if auth else None
        return self

    @field_validator("prices", mode="before")
    @classmethod
    def _merge_prices(cls, v: Any) -> Any:
        if isinstance(v, dict):  # user prices extend the defaults instead of replacing them
            return {**DEFAULT_PRICES, **{k: tuple(p) for k, p in v.items()}}
        return v

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _TomlSource(settings_cls, cls._config_values))


def load_settings(config: str | Path | None = None, **flags: Any) -> LLMSettings:
    """Settings from flags (None means 'not given'), environment and the config file."""
    values = read_config(find_config(config))

    class _Bound(LLMSettings):  # a subclass per call, so concurrent loads don't share a file
        _config_values = values

    given = {k: v for k, v in flags.items() if v is not None and k != "url_auth"}
    try:
        s = _Bound(**given)
    except ValueError as e:
        raise SettingsError(_one_line(e, lambda field: _source(field, given, config))) from None
    return LLMSettings.model_construct(**{k: getattr(s, k) for k in LLMSettings.model_fields})


def _source(field: str, given: dict[str, Any], config: str | Path | None) -> str:
    """Where a setting's value came from, as the user would name it."""
    if field in given:
        return "--" + field.replace("_", "-")
    envs = {"base_url": ("OPENAI_BASE_URL", "EXTRACTOR_BASE_URL")}.get(field, (f"EXTRACTOR_{field.upper()}",))
    env = next((n for n in envs if n in os.environ or n.lower() in os.environ), None)
    if env:
        return env
    path = find_config(config)
    return f"{field} in {path}" if path else field


def _one_line(e: Exception, source: Any = None) -> str:
    errors = getattr(e, "errors", None)
    if callable(errors):
        parts = []
        for err in errors():
            field = ".".join(str(x) for x in err["loc"])
            where = source(field) if source and len(err["loc"]) == 1 else field
            parts.append(f"{where}: {err['msg'].removeprefix('Value error, ')}")
        return "invalid settings: " + "; ".join(parts)
    return f"invalid settings: {e}"
