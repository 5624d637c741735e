"""The graph model: neomodel node and relationship classes, one file per label."""

from .activity import Activity
from .audit import AuditEvent
from .comment import Comment
from .genre import Genre
from .media import Media
from .media_embedding import MediaEmbedding
from .media_list import ListItem, MediaList
from .person import ActedIn, Crew, Person
from .profile import EpisodeProgress, Profile, Rated, Tagged, Watched
from .profile_embedding import ProfileEmbedding
from .recommender_model import RecommenderModel
from .review import Review
from .session import ApiToken, Identity, Session
from .tv import Episode, Season, TVShow
from .user import Follows, User

__all__ = [
    "ActedIn", "Activity", "ApiToken", "AuditEvent", "Comment", "Crew", "Episode", "EpisodeProgress",
    "Follows", "Genre", "Identity", "ListItem", "Media", "MediaEmbedding", "MediaList", "Person",
    "Profile", "ProfileEmbedding", "Rated", "RecommenderModel", "Review", "Season", "Session",
    "TVShow", "Tagged", "User", "Watched",
]
