"""GraphQL types of the social graph."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import strawberry

from app.catalog.types import Media, PageInfo


@strawberry.enum
class FollowStatus(Enum):
    FOLLOWING = "FOLLOWING"
    REQUESTED = "REQUESTED"


@strawberry.type
class Follow:
    user_id: strawberry.ID
    status: FollowStatus


@strawberry.type
class ProfileCard:
    """What anyone who may see a profile sees of it in social lists."""
    id: strawberry.ID
    user_id: strawberry.ID
    name: str
    avatar_url: str | None

    @classmethod
    def from_row(cls, user: str, row: dict[str, Any]) -> ProfileCard:
        return cls(id=strawberry.ID(row["uid"]), user_id=strawberry.ID(user), name=row["name"],
                   avatar_url=row.get("avatar_url"))


@strawberry.type
class FollowRequest:
    user_id: strawberry.ID
    name: str | None
    requested_at: dt.datetime


@strawberry.enum
class ActivityKind(Enum):
    WATCHED = "WATCHED"
    RATED = "RATED"
    REVIEWED = "REVIEWED"
    LISTED = "LISTED"
    EPISODES = "EPISODES"


@strawberry.type
class ListRef:
    id: strawberry.ID
    name: str


@strawberry.type
class ActivityItem:
    id: strawberry.ID
    actor: ProfileCard
    kind: ActivityKind
    media: Media
    also: list[Media] = strawberry.field(description="Other titles grouped into this entry")
    count: int = strawberry.field(description="Events grouped into this entry (episodes, titles)")
    rating: int | None
    list: ListRef | None
    first_at: dt.datetime
    at: dt.datetime


@strawberry.type
class ActivityEdge:
    cursor: str
    node: ActivityItem


@strawberry.type
class ActivityConnection:
    edges: list[ActivityEdge]
    page_info: PageInfo


@strawberry.type
class LiveActivity:
    """A followed profile's event as it happens (the feed groups them later)."""
    id: strawberry.ID
    kind: ActivityKind
    actor: ProfileCard
    media_id: strawberry.ID
    title: str
    rating: int | None
    at: str


@strawberry.type
class WatchEvent:
    id: strawberry.ID
    actor: ProfileCard
    media_id: strawberry.ID
    title: str
    at: str


@strawberry.type
class RatingPair:
    media: Media
    mine: int
    theirs: int


@strawberry.type
class GenreTaste:
    genre: str
    mine: int = strawberry.field(description="Titles in the genre you liked (rated 7+ or watched)")
    theirs: int


@strawberry.type
class Comparison:
    other: ProfileCard
    both_watched: int
    co_rated: int
    correlation: float | None = strawberry.field(description="Pearson on co-rated titles")
    shrunk_correlation: float = strawberry.field(description="Correlation x n / (n + 10): few co-ratings count less")
    compatibility: int = strawberry.field(description="0-100, from the shrunk correlation")
    top_agreements: list[RatingPair]
    biggest_disagreements: list[RatingPair]
    loved_unseen: list[Media] = strawberry.field(description="Titles they rated 9+ that you have not seen")
    shared_listed: list[Media] = strawberry.field(description="Titles on lists of you both")
    genres: list[GenreTaste]


@strawberry.enum
class Timeframe(Enum):
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"


@strawberry.type
class SocialPerson:
    user_id: strawberry.ID
    profile: ProfileCard
    distance: int = strawberry.field(description="Friendship steps from you")
    is_friend: bool
    following: bool
    mutual_friends: int
    similarity: float = strawberry.field(description="Rating correlation with you, shrunk for few co-ratings")
    compatibility: int


@strawberry.type
class SocialEdge:
    a: strawberry.ID
    b: strawberry.ID


@strawberry.type
class SocialGraph:
    people: list[SocialPerson]
    edges: list[SocialEdge] = strawberry.field(description="Friendships among the people shown")


@strawberry.type
class SuggestedFollow:
    person: SocialPerson
    reason: str
