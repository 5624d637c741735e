"""The domain event bus: every change later features react to (activity feed, trending,
search indexing, live activity, webhooks), on the one event stream (app.kit.stream), and
announcements that who may see whom narrowed, on AUDIENCE.

Events are published after the write they describe succeeded, with the acting profile
and the ids involved, never with personal data beyond ids. The bus knows no consumer:
readers keep their own position in the stream or subscribe to its announcements.
"""

from __future__ import annotations

import json

from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.kit import stream
from app.logging import log

AUDIENCE = "reelgraph:live:~audience"

KINDS = {"list.created", "list.updated", "list.deleted", "list.shared", "list.unshared",
         "list.link_created", "list.link_revoked", "list.note_set",
         "list.item_added", "list.item_removed", "list.item_moved",
         "review.updated", "review.deleted", "review.reacted", "review.commented", "media.unowned",
         "media.rated", "media.watched", "media.unwatched", "media.reviewed", "comment.mentioned",
         "media.owned", "media.created", "episode.progress"}


async def publish(redis: Redis, kind: str, /, **data: object) -> str | None:
    """The event's id in the stream; None when Redis lost it."""
    if kind not in KINDS:
        raise ValueError(f"unknown event kind {kind}")
    try:
        return await stream.append(redis, kind, data)
    except (RedisError, OSError) as e:
        # the write it describes stands; the feed misses it, search repairs catch it up
        log.warning("events.lost", kind=kind, error=repr(e))
        return None


async def audience_changed(redis: Redis, *users: str) -> None:
    """Announces at once that what these accounts may see of each other, or others of them,
    has narrowed (a block, an unfollow, a privacy change, a deleted profile). Sent after
    the write committed, so anything published later is judged by the new rule."""
    try:
        await redis.publish(AUDIENCE, json.dumps({"users": sorted(set(users))}))
    except (RedisError, OSError) as e:  # hubs lost their connection too: they look again on reconnect
        log.warning("events.audience_lost", error=repr(e))
