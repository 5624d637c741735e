// What migrate reports: how many indexes the database holds.
SHOW INDEXES YIELD name RETURN count(*) AS n
