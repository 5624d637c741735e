MATCH (m:Media)
WHERE m.external_key STARTS WITH $prefix
RETURN m.external_key AS key
