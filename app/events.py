"""The domain event bus: one Redis stream that later features read (activity feed,
trending, search indexing, webhooks, recommendation cache), and the same event at once on
a pub/sub channel per acting profile, for whoever listens live (app.social.live).

Events are appended after the write they describe succeeded, with the acting profile
and the ids involved, never with personal data beyond ids. The bus knows no consumer.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.logging import log

STREAM = "reelgraph:events"
CHANNEL = "reelgraph:live:"  # + the acting profile's uid
AUDIENCE = CHANNEL + "~audience"  # who may see whom changed (never a profile uid)
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
    at = datetime.now(UTC).isoformat()
    fields = {"kind": kind, "at": at, "data": json.dumps(data, default=str)}
    try:
        event_id = str(await redis.xadd(STREAM, fields, maxlen=MAX_LEN, approximate=True))  # type: ignore[arg-type]
        profile = data.get("profile")
        if isinstance(profile, str):  # live listeners now; stream readers within seconds
            await redis.publish(CHANNEL + profile, json.dumps({"id": event_id, **fields}))
    except (RedisError, OSError) as e:
        # the write it describes stands; the feed misses it, search repairs catch it up
        log.warning("events.lost", kind=kind, error=repr(e))
        return ""
    return event_id


async def audience_changed(redis: Redis, *users: str) -> None:
    """Announces at once that what these accounts may see of each other, or others of them,
    has narrowed (a block, an unfollow, a privacy change, a deleted profile). Sent after
    the write committed, so anything published later is judged by the new rule."""
    try:
        await redis.publish(AUDIENCE, json.dumps({"users": sorted(set(users))}))
    except (RedisError, OSError) as e:  # hubs lost their connection too: they look again on reconnect
        log.warning("events.audience_lost", error=repr(e))
