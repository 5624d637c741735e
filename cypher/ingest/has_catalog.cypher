// Whether any title is stored yet (`import --if-empty`, the benchmarks' set-up).
MATCH (m:Media) RETURN m.uid LIMIT 1
