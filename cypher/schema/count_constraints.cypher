// What migrate reports: how many constraints the database holds.
SHOW CONSTRAINTS YIELD name RETURN count(*) AS n
