"""The lists every profile is born with, in this order; they can be emptied, not deleted.
Accounts and profiles create them with a new profile, in the same transaction."""

SYSTEM_LISTS = ("Favorites", "To Watch", "Watching", "Completed")
