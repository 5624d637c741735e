"""Where uploaded images go: local disk by default, or any S3-compatible bucket."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Protocol

from app.settings import Settings


class Storage(Protocol):
    async def put(self, key: str, data: bytes, content_type: str) -> str:
        """Store the bytes under key; return the public URL."""
        ...


class LocalStorage:
    """Files under <state>/media, served by the app at /media."""

    def __init__(self, root: Path, base_url: str) -> None:
        self.root, self.base_url = root, base_url.rstrip("/")

    async def put(self, key: str, data: bytes, content_type: str) -> str:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"storage key escapes the media folder: {key}")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)  # readers never see half a file
        return f"{self.base_url}/{key}"


class S3Storage:
    """Any S3-compatible service (AWS, MinIO, R2...) through boto3."""

    def __init__(self, client: Any, bucket: str, base_url: str) -> None:
        self.client, self.bucket, self.base_url = client, bucket, base_url.rstrip("/")

    async def put(self, key: str, data: bytes, content_type: str) -> str:
        await asyncio.to_thread(
            self.client.put_object, Bucket=self.bucket, Key=key, Body=data,
            ContentType=content_type, CacheControl="public, max-age=31536000, immutable")
        return f"{self.base_url}/{key}"


def media_root(settings: Settings) -> Path:
    return Path(settings.state_dir) / "media"


def build_storage(settings: Settings) -> Storage:
    s = settings.storage
    if s.backend == "s3":
        import boto3

        client = boto3.client("s3", endpoint_url=s.s3_endpoint, region_name=s.s3_region,
                              aws_access_key_id=s.s3_access_key,
                              aws_secret_access_key=s.s3_secret_key)
        return S3Storage(client, s.s3_bucket, s.public_base_url)
    return LocalStorage(media_root(settings), s.public_base_url)
