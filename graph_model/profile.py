from __future__ import annotations

from neomodel import (
    AsyncRelationshipFrom,
    AsyncRelationshipTo,
    AsyncStructuredNode,
    AsyncStructuredRel,
    BooleanProperty,
    DateTimeNeo4jFormatProperty,
    IntegerProperty,
    JSONProperty,
    StringProperty,
)

from .base import CreatedAt, IdProperty, utcnow

PRIVACY = {"public": "public", "friends": "friends only", "private": "private"}


class Rated(AsyncStructuredRel):
    rating = IntegerProperty(required=True)  # 1-10
    rated_at = DateTimeNeo4jFormatProperty(default=utcnow)


class Watched(AsyncStructuredRel):
    watch_count = IntegerProperty(default=1)
    first_watched_at = DateTimeNeo4jFormatProperty(default=utcnow)
    last_watched_at = DateTimeNeo4jFormatProperty(default=utcnow)


class Tagged(AsyncStructuredRel):
    tag = StringProperty(required=True, max_length=100)
    tagged_at = DateTimeNeo4jFormatProperty(default=utcnow)


class EpisodeProgress(AsyncStructuredRel):
    is_watched = BooleanProperty(default=False)
    progress_seconds = IntegerProperty(default=0)
    watched_at = DateTimeNeo4jFormatProperty()


class Profile(AsyncStructuredNode):
    """Who is watching: an account has one or more (family, kid, guest)."""

    uid = IdProperty()
    name = StringProperty(required=True, max_length=50)
    avatar_url = StringProperty()
    bio = StringProperty(max_length=500)
    location = StringProperty(max_length=100)
    timezone = StringProperty(default="UTC")
    is_kid = BooleanProperty(default=False)
    # Highest certification level a kid profile may see (graph_model.media.CERT_LEVELS)
    max_cert_level = IntegerProperty()
    social_links = JSONProperty(default=dict)
    is_guest = BooleanProperty(default=False)
    # The profile an account starts with; imports attach their activity to it.
    is_primary = BooleanProperty(default=False)
    privacy = StringProperty(choices=PRIVACY, default="friends")  # private by default would hide friends' feed
    preferences = JSONProperty(default=dict)
    created_at = CreatedAt()

    user = AsyncRelationshipFrom("graph_model.user.User", "HAS_PROFILE")
    lists = AsyncRelationshipTo("graph_model.media_list.MediaList", "OWNS")
    rated = AsyncRelationshipTo("graph_model.media.Media", "RATED", model=Rated)
    watched = AsyncRelationshipTo("graph_model.media.Media", "WATCHED", model=Watched)
    tagged = AsyncRelationshipTo("graph_model.media.Media", "TAGGED", model=Tagged)
    reviews = AsyncRelationshipTo("graph_model.review.Review", "WROTE")
    episodes = AsyncRelationshipTo(
        "graph_model.tv.Episode", "PROGRESS", model=EpisodeProgress
    )
