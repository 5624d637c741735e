"""The domain event bus: one Redis stream that later features read (activity feed,
trending, search indexing, webhooks, recommendation cache).

Events are appended after the write they describe succeeded, with the acting profile
and the ids involved, never with personal data beyond ids.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from redis.asyncio import Redis

from app.social import live

STREAM = "reelgraph:events"
MAX_LEN = 100_000  # approximate trim: the stream is a feed, not an archive

KINDS = {"list.created", "list.updated", "list.deleted", "list.shared", "list.unshared",
         "list.link_created", "list.link_revoked", "list.note_set",
         "list.item_added", "list.item_removed", "list.item_moved",
         "review.updated", "review.deleted", "review.reacted", "review.commented", "media.unowned",
         "media.rated", "media.watched", "media.unwatched", "media.reviewed", "comment.mentioned",
         "media.owned", "media.created", "episode.progress"}


async def publish(redis: Redis, kind: str, /, **data: Any) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown event kind {kind}")
    at = datetime.now(timezone.utc).isoformat()
    fields = {"kind": kind, "at": at, "data": json.dumps(data, default=str)}
    event_id = str(await redis.xadd(STREAM, fields, maxlen=MAX_LEN, approximate=True))  # type: ignore[arg-type]
    await live.announce(redis, kind, event_id, at, data)  # subscribers now, the feed within seconds
    return event_id
