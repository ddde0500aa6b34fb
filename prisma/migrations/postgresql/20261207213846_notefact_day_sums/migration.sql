-- AlterTable
ALTER TABLE "NoteFactDay" ADD COLUMN     "activeN" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "activeSq" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "activeSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "cell" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "totalN" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "totalSq" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "totalSum" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- The new columns are filled by rebuilding every day that has rollup rows (a day with facts but none is marked already), in the background through the
-- usual marks (rollup.ts, 14 days per statement), not here: no pass over NoteFact at start-up.
INSERT INTO "NoteFactDayDirty" ("day") SELECT DISTINCT "day" FROM "NoteFactDay"
ON CONFLICT ("day") DO UPDATE SET "seq" = "NoteFactDayDirty"."seq" + 1;
