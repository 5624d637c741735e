"""The graph model: neomodel node and relationship classes, one file per label."""

from .audit import AuditEvent
from .genre import Genre
from .media import Media
from .media_list import ListItem, MediaList
from .person import ActedIn, Crew, Person
from .profile import EpisodeProgress, Profile, Rated, Tagged, Watched
from .review import Review
from .session import ApiToken, Identity, Session
from .tv import Episode, Season, TVShow
from .user import Follows, User

__all__ = [
    "ActedIn", "ApiToken", "AuditEvent", "Identity", "Session", "Crew", "Episode", "EpisodeProgress", "Follows", "Genre", "ListItem",
    "Media", "MediaList", "Person", "Profile", "Rated", "Review", "Season", "TVShow",
    "Tagged", "User", "Watched",
]
