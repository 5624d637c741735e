"""GraphQL types of the social graph."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING

import strawberry

from app.catalog.types import Media, PageInfo

if TYPE_CHECKING:
    from . import compare, explore, service
    from .live import Actor, Delivery
    from .repository import CardRow, FollowRow, RequestRow


@strawberry.enum
class FollowStatus(Enum):
    FOLLOWING = "FOLLOWING"
    REQUESTED = "REQUESTED"


@strawberry.type
class Follow:
    user_id: strawberry.ID
    status: FollowStatus

    @classmethod
    def of(cls, row: FollowRow) -> Follow:
        return cls(user_id=strawberry.ID(row["user"]), status=FollowStatus(row["status"]))


@strawberry.type
class ProfileCard:
    """What anyone who may see a profile sees of it in social lists."""
    id: strawberry.ID
    user_id: strawberry.ID
    name: str
    avatar_url: str | None

    @classmethod
    def from_row(cls, user: str, row: CardRow) -> ProfileCard:
        return cls(id=strawberry.ID(row["uid"]), user_id=strawberry.ID(user), name=row["name"],
                   avatar_url=row.get("avatar_url"))

    @classmethod
    def of_actor(cls, actor: Actor) -> ProfileCard:
        """A live event's actor (app.social.live)."""
        return cls(id=strawberry.ID(actor["profile"]), user_id=strawberry.ID(actor["user"]),
                   name=actor["name"], avatar_url=actor.get("avatar_url"))


@strawberry.type
class FollowRequest:
    user_id: strawberry.ID
    name: str | None
    requested_at: dt.datetime

    @classmethod
    def of(cls, row: RequestRow) -> FollowRequest:
        return cls(user_id=strawberry.ID(row["user"]), name=row["name"], requested_at=row["requested_at"].to_native())


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

    @classmethod
    def of(cls, e: service.FeedEntry) -> ActivityItem:
        listed = ListRef(id=strawberry.ID(e.list["uid"]), name=e.list["name"]) if e.list else None
        return cls(id=strawberry.ID(e.uid), actor=ProfileCard.from_row(e.user, e.actor), kind=ActivityKind(e.kind),
                   media=Media.from_row(e.media), also=[Media.from_row(m) for m in e.also], count=e.count,
                   rating=e.rating, list=listed, first_at=e.first_at, at=e.at)


@strawberry.type
class ActivityEdge:
    cursor: str
    node: ActivityItem


@strawberry.type
class ActivityConnection:
    edges: list[ActivityEdge]
    page_info: PageInfo

    @classmethod
    def of(cls, page: service.FeedPage) -> ActivityConnection:
        edges = [ActivityEdge(cursor=e.cursor, node=ActivityItem.of(e)) for e in page.entries]
        return cls(edges=edges, page_info=PageInfo(has_next_page=page.has_next,
                                                   end_cursor=edges[-1].cursor if edges else None))


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

    @classmethod
    def of(cls, e: Delivery) -> LiveActivity:
        return cls(id=strawberry.ID(e["id"]), kind=ActivityKind(e["kind"]), actor=ProfileCard.of_actor(e["actor"]),
                   media_id=strawberry.ID(e["media"]), title=e["title"]["title"], rating=e.get("rating"), at=e["at"])


@strawberry.type
class WatchEvent:
    id: strawberry.ID
    actor: ProfileCard
    media_id: strawberry.ID
    title: str
    at: str

    @classmethod
    def of(cls, e: Delivery) -> WatchEvent:
        return cls(id=strawberry.ID(e["id"]), actor=ProfileCard.of_actor(e["actor"]),
                   media_id=strawberry.ID(e["media"]), title=e["title"]["title"], at=e["at"])


@strawberry.type
class RatingPair:
    media: Media
    mine: int
    theirs: int

    @classmethod
    def of(cls, pair: compare.RatedPair) -> RatingPair:
        return cls(media=Media.from_row(pair.media), mine=pair.mine, theirs=pair.theirs)


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

    @classmethod
    def of(cls, c: compare.Comparison) -> Comparison:
        return cls(
            other=ProfileCard.from_row(c.user, c.other), both_watched=c.both_watched, co_rated=c.co_rated,
            correlation=c.correlation, shrunk_correlation=c.shrunk, compatibility=c.compatibility,
            top_agreements=[RatingPair.of(p) for p in c.top_agreements],
            biggest_disagreements=[RatingPair.of(p) for p in c.biggest_disagreements],
            loved_unseen=[Media.from_row(m) for m in c.loved_unseen],
            shared_listed=[Media.from_row(m) for m in c.shared_listed],
            genres=[GenreTaste(genre=g["genre"], mine=g["mine"], theirs=g["theirs"]) for g in c.genres])


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

    @classmethod
    def of(cls, placed: explore.Placed) -> SocialPerson:
        p = placed.person
        return cls(user_id=strawberry.ID(p.user), profile=ProfileCard.from_row(p.user, p.profile),
                   distance=placed.distance, is_friend=p.friend, following=p.following,
                   mutual_friends=len(p.mutual), similarity=p.similarity, compatibility=p.compatibility)


@strawberry.type
class SocialEdge:
    a: strawberry.ID
    b: strawberry.ID


@strawberry.type
class SocialGraph:
    people: list[SocialPerson]
    edges: list[SocialEdge] = strawberry.field(description="Friendships among the people shown")

    @classmethod
    def of(cls, graph: explore.Graph) -> SocialGraph:
        return cls(people=[SocialPerson.of(p) for p in graph.people],
                   edges=[SocialEdge(a=strawberry.ID(a), b=strawberry.ID(b)) for a, b in graph.edges])


@strawberry.type
class SuggestedFollow:
    person: SocialPerson
    reason: str

    @classmethod
    def of(cls, s: explore.Suggestion) -> SuggestedFollow:
        return cls(person=SocialPerson.of(s.placed), reason=s.reason)
