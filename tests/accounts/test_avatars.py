"""Avatar upload: validated images become WebP sizes, on disk or in an S3-compatible bucket."""

import asyncio
import io
import socket
from collections.abc import Awaitable, Callable

import boto3
import httpx
from moto.server import ThreadedMotoServer
from PIL import Image

from app.media import avatars
from app.media.storage import S3Storage

from ..mailbox import Mailbox
from .helpers import gql, signed_up


def png(width: int, height: int, color: str = "orange") -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buf, "PNG")
    return buf.getvalue()


async def test_upload_and_bad_files(api: httpx.AsyncClient, smtp: Mailbox,
                                    run_jobs: Callable[[], Awaitable[None]]) -> None:
    _, tokens = await signed_up(api, smtp, run_jobs)
    auth = {"Authorization": f"Bearer {tokens['accessToken']}"}
    pid = (await gql(api, "{ me { activeProfile { id } } }", token=tokens["accessToken"])
           )["data"]["me"]["activeProfile"]["id"]
    url = f"/api/profiles/{pid}/avatar"

    done = await api.post(url, headers=auth, files={"file": ("me.png", png(800, 600), "image/png")})
    assert done.status_code == 201, done.text
    sizes = done.json()["sizes"]
    assert sorted(sizes, key=int) == ["64", "128", "256", "512"]
    served = await api.get(sizes["128"])
    assert served.status_code == 200
    assert Image.open(io.BytesIO(served.content)).format == "WEBP"
    assert Image.open(io.BytesIO(served.content)).size == (128, 128)
    profile = await gql(api, "{ me { activeProfile { avatarUrl } } }", token=tokens["accessToken"])
    assert profile["data"]["me"]["activeProfile"]["avatarUrl"] == sizes["256"]

    for payload, status, message in (
        (b"plain text, not a picture", 422, "not an image we can read"),
        (png(5000, 10), 422, "at most 4096 pixels"),
        (b"\x89PNG" + b"0" * (avatars.MAX_BYTES + 10), 422, "at most 5 MB"),
    ):
        bad = await api.post(url, headers=auth, files={"file": ("x.png", payload, "image/png")})
        assert bad.status_code == status and message in bad.json()["error"], bad.text
        assert bad.json()["field"] == "file"
    # the failed uploads changed nothing
    again = await gql(api, "{ me { activeProfile { avatarUrl } } }", token=tokens["accessToken"])
    assert again["data"]["me"]["activeProfile"]["avatarUrl"] == sizes["256"]

    nobody = await api.post(url, files={"file": ("me.png", png(10, 10), "image/png")})
    assert nobody.status_code == 401
    stranger = await api.post("/api/profiles/not-mine/avatar", headers=auth,
                              files={"file": ("me.png", png(10, 10), "image/png")})
    assert stranger.status_code == 404


async def test_s3_storage_against_an_s3_compatible_server() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)  # stands in for AWS S3
    server.start()
    try:
        client = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                              aws_access_key_id="test", aws_secret_access_key="test")
        client.create_bucket(Bucket="media")
        storage = S3Storage(client, "media", "https://cdn.example.com")
        urls = await avatars.store(storage, "p1", png(300, 200))
        assert urls[64].startswith("https://cdn.example.com/avatars/p1/")
        key = urls[512].removeprefix("https://cdn.example.com/")
        obj = await asyncio.to_thread(client.get_object, Bucket="media", Key=key)
        assert obj["ContentType"] == "image/webp"
        assert Image.open(io.BytesIO(obj["Body"].read())).size == (512, 512)
    finally:
        server.stop()
