"""Settings from the environment (and an optional .env file), one nested group per service."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

WEAK_SECRETS = {"", "neo4j", "password", "changeme", "secret"}


class Neo4jSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEO4J_", env_file=".env", extra="ignore")
    uri: str = "bolt://127.0.0.1:7687"
    user: str = "neo4j"
    password: str = ""
    database: str = "neo4j"
    max_pool_size: int = 50


class RedisSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REDIS_", env_file=".env", extra="ignore")
    url: str = "redis://127.0.0.1:6379/0"


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="API_", env_file=".env", extra="ignore")
    host: str = "127.0.0.1"
    port: int = 8000
    max_query_depth: int = 8
    max_query_cost: int = 5000
    max_page_size: int = 100


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REELGRAPH_", env_file=".env", extra="ignore")
    env: Literal["development", "test", "production"] = "development"
    log_level: str = "INFO"
    state_dir: str = Field(default_factory=lambda: os.environ.get("REELGRAPH_STATE", ".state"))
    neo4j: Neo4jSettings = Field(default_factory=Neo4jSettings)
    redis: RedisSettings = Field(default_factory=RedisSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)

    @model_validator(mode="after")
    def _refuse_weak_secrets(self) -> "Settings":
        if self.env == "production" and self.neo4j.password in WEAK_SECRETS:
            raise ValueError("NEO4J_PASSWORD must be set to a strong secret in production")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
