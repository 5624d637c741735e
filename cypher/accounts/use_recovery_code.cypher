// Writing checked_at first takes the user's write lock, so two requests with one code
// cannot both find it in the list.
MATCH (u:User {uid: $user})
SET u.recovery_checked_at = datetime()
WITH u
WHERE $code_hash IN u.recovery_codes
SET u.recovery_codes = [c IN u.recovery_codes WHERE c <> $code_hash]
RETURN u.uid AS user
