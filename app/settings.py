"""Settings from the environment (and an optional .env file), one nested group per service."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

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
    # seconds: a Redis that stops answering fails a command fast instead of hanging it
    socket_timeout: float = 1.0
    connect_timeout: float = 1.0


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="API_", env_file=".env", extra="ignore")
    host: str = "127.0.0.1"
    port: int = 8000
    max_query_depth: int = 8
    max_query_cost: int = 5000
    max_page_size: int = 100


class AuthSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AUTH_", env_file=".env", extra="ignore")
    issuer: str = "reelgraph"
    audience: str = "reelgraph-api"
    access_ttl_seconds: int = 900  # 15 minutes
    refresh_ttl_days: int = 30
    # RS256 signing keys, one PEM per kid; default: <state>/secrets/jwt
    keys_dir: str | None = None
    cookie_secure: bool = True
    login_max_failures: int = 5
    login_max_failures_per_ip: int = 50
    lockout_seconds: int = 900
    verify_ttl_seconds: int = 86_400
    reset_ttl_seconds: int = 3_600
    public_url: str = "http://127.0.0.1:8000"
    # Fernet key for secrets at rest (TOTP seeds); default: <state>/secrets/data.key
    data_key: str | None = None
    # OpenID Connect providers as JSON: [{"name", "issuer", "client_id", "client_secret", "scopes"}]
    oidc_providers: str = "[]"
    # Accounts allowed to run operations from the API (retraining the recommender): comma-separated
    admin_emails: str = ""

    def is_admin(self, email: str | None) -> bool:
        admins = {e.strip().lower() for e in self.admin_emails.split(",") if e.strip()}
        return email is not None and email.lower() in admins


class MailSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SMTP_", env_file=".env", extra="ignore")
    host: str | None = None  # unset: messages are written to <state>/outbox as .eml files
    port: int = 587
    user: str | None = None
    password: str | None = None
    starttls: bool = True
    sender: str = "Reelgraph <no-reply@reelgraph.local>"


class StorageSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STORAGE_", env_file=".env", extra="ignore")
    backend: Literal["local", "s3"] = "local"
    s3_endpoint: str | None = None
    s3_bucket: str = "reelgraph-media"
    s3_region: str = "us-east-1"
    s3_access_key: str | None = None
    s3_secret_key: str | None = None
    public_base_url: str = "/media"


class MeiliSettings(BaseSettings):
    """Meilisearch instead of the embedded tantivy index, when MEILI_URL is set."""
    model_config = SettingsConfigDict(env_prefix="MEILI_", env_file=".env", extra="ignore")
    url: str | None = None
    master_key: str | None = None  # or a key with search and index rights
    index_prefix: str = "reelgraph_"


class GnnSettings(BaseSettings):
    """The LightGCN recommender's retraining (gnn.config holds the full training config)."""
    model_config = SettingsConfigDict(env_prefix="GNN_", env_file=".env", extra="ignore")
    models_dir: str | None = None  # default: <state>/models
    rating_threshold: int = 7  # 1-10: a rating below it is a dislike
    watched_weight: float = 1.0
    listed_weight: float = 0.5
    # chosen on MovieLens validation by benchmarks/gnn.py
    dim: int = 64
    layers: int = 2
    lr: float = 0.01
    reg: float = 1e-3
    max_epochs: int = 400
    device: str = "auto"
    retrain_hour: int = 3  # daily, UTC
    # a new version must be within this of the current one on recall@20 and ndcg@20
    tolerance: float = 0.0


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REELGRAPH_", env_file=".env", extra="ignore")
    env: Literal["development", "test", "production"] = "development"
    log_level: str = "INFO"
    state_dir: str = Field(default_factory=lambda: os.environ.get("REELGRAPH_STATE", ".state"))
    neo4j: Neo4jSettings = Field(default_factory=Neo4jSettings)
    redis: RedisSettings = Field(default_factory=RedisSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    mail: MailSettings = Field(default_factory=MailSettings)
    storage: StorageSettings = Field(default_factory=StorageSettings)
    meili: MeiliSettings = Field(default_factory=MeiliSettings)
    gnn: GnnSettings = Field(default_factory=GnnSettings)

    @property
    def search_dir(self) -> Path:
        """Where the embedded tantivy index lives."""
        return Path(self.state_dir) / "search"

    @property
    def models_dir(self) -> Path:
        return Path(self.gnn.models_dir or Path(self.state_dir) / "models")

    @model_validator(mode="after")
    def _refuse_weak_secrets(self) -> Settings:
        if self.env == "production":
            if self.neo4j.password in WEAK_SECRETS or len(self.neo4j.password) < 12:
                raise ValueError("NEO4J_PASSWORD must be a strong secret (12+ characters) in production")
            if urlparse(self.redis.url).password in WEAK_SECRETS | {None}:
                raise ValueError("REDIS_URL must carry a password in production")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
