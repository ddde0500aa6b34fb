-- The follow-up groups NoteFact by (mode, profession, unit, version, note
-- type, month). Without statistics on the columns together the planner
-- multiplies their distinct counts, expects ~10,000 groups instead of a few
-- hundred, and sorts 100,000 rows on disk instead of hashing them (≈ 250 ms
-- instead of ≈ 100 ms per dashboard view). PostgreSQL only; Prisma's schema
-- does not model extended statistics, so this migration has no schema change.
CREATE STATISTICS "NoteFact_cell_ndistinct" (ndistinct) ON "mode", "professionId", "careUnitId", "workflowVersionId", "noteType", "month" FROM "NoteFact";
