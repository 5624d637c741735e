"""Avatar uploads: a validated image becomes square WebP files in several sizes."""

from __future__ import annotations

import asyncio
import io
import uuid

from PIL import Image, ImageOps, UnidentifiedImageError

from app.errors import InvalidInput

from .storage import Storage

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 4096
FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
SIZES = (64, 128, 256, 512)
Image.MAX_IMAGE_PIXELS = MAX_SIDE * MAX_SIDE  # refuse decompression bombs early


def check(data: bytes) -> None:
    if not data:
        raise InvalidInput("Choose an image to upload", field="file")
    if len(data) > MAX_BYTES:
        raise InvalidInput("Images must be at most 5 MB", field="file")


def render(data: bytes) -> dict[int, bytes]:
    """Validated, orientation-fixed, centre-cropped WebP renditions by size."""
    check(data)
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            probe.verify()
        opened = Image.open(io.BytesIO(data))
        # the header gives the size: refuse big pictures before decoding a single pixel
        if max(opened.size) > MAX_SIDE:
            raise InvalidInput(f"Images must be at most {MAX_SIDE} pixels on each side", field="file")
        opened.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise InvalidInput("The file is not an image we can read (JPEG, PNG, WebP or GIF)",
                           field="file") from None
    if kind not in FORMATS:
        raise InvalidInput("Images must be JPEG, PNG, WebP or GIF", field="file")
    mode = "RGBA" if opened.mode in ("RGBA", "LA", "P") else "RGB"
    image = ImageOps.exif_transpose(opened).convert(mode)
    side = min(image.size)
    square = ImageOps.fit(image, (side, side), Image.Resampling.LANCZOS)
    out = {}
    for size in SIZES:
        buf = io.BytesIO()
        square.resize((size, size), Image.Resampling.LANCZOS).save(buf, "WEBP", quality=85, method=4)
        out[size] = buf.getvalue()
    return out


async def store(storage: Storage, profile: str, data: bytes) -> dict[int, str]:
    renditions = await asyncio.to_thread(render, data)  # CPU work off the event loop
    version = uuid.uuid4().hex[:8]  # new URLs per upload, so caches never serve the old face
    urls = {}
    for size, webp in renditions.items():
        urls[size] = await storage.put(f"avatars/{profile}/{version}-{size}.webp", webp, "image/webp")
    return urls
