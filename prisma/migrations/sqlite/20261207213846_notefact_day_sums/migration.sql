-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_NoteFactDay" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "mode" TEXT NOT NULL,
    "professionId" TEXT,
    "careUnitId" TEXT,
    "workflowVersionId" TEXT,
    "noteType" TEXT,
    "month" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "clinicianId" TEXT,
    "assignedMode" TEXT,
    "scheduleId" TEXT,
    "schedulePeriod" INTEGER,
    "notes" INTEGER NOT NULL,
    "times" TEXT NOT NULL,
    "cell" TEXT NOT NULL DEFAULT '',
    "activeN" INTEGER NOT NULL DEFAULT 0,
    "activeSum" REAL NOT NULL DEFAULT 0,
    "activeSq" REAL NOT NULL DEFAULT 0,
    "totalN" INTEGER NOT NULL DEFAULT 0,
    "totalSum" REAL NOT NULL DEFAULT 0,
    "totalSq" REAL NOT NULL DEFAULT 0,
    "ratingN" INTEGER NOT NULL,
    "editN" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "rating1" INTEGER NOT NULL,
    "rating2" INTEGER NOT NULL,
    "rating3" INTEGER NOT NULL,
    "rating4" INTEGER NOT NULL,
    "rating5" INTEGER NOT NULL,
    "tagMissing" INTEGER NOT NULL,
    "tagInvented" INTEGER NOT NULL,
    "tagSpeaker" INTEGER NOT NULL,
    "tagTerminology" INTEGER NOT NULL,
    "tagStyle" INTEGER NOT NULL,
    "sentences" INTEGER NOT NULL,
    "flags" INTEGER NOT NULL,
    "flagsCritical" INTEGER NOT NULL,
    "flagsFixed" INTEGER NOT NULL,
    "flagsDismissed" INTEGER NOT NULL,
    "editChars" INTEGER NOT NULL,
    "draftChars" INTEGER NOT NULL
);
INSERT INTO "new_NoteFactDay" ("assignedMode", "careUnitId", "clinicianId", "day", "draftChars", "editChars", "editN", "flags", "flagsCritical", "flagsDismissed", "flagsFixed", "key", "mode", "month", "noteType", "notes", "professionId", "rating", "rating1", "rating2", "rating3", "rating4", "rating5", "ratingN", "scheduleId", "schedulePeriod", "sentences", "tagInvented", "tagMissing", "tagSpeaker", "tagStyle", "tagTerminology", "times", "workflowVersionId") SELECT "assignedMode", "careUnitId", "clinicianId", "day", "draftChars", "editChars", "editN", "flags", "flagsCritical", "flagsDismissed", "flagsFixed", "key", "mode", "month", "noteType", "notes", "professionId", "rating", "rating1", "rating2", "rating3", "rating4", "rating5", "ratingN", "scheduleId", "schedulePeriod", "sentences", "tagInvented", "tagMissing", "tagSpeaker", "tagStyle", "tagTerminology", "times", "workflowVersionId" FROM "NoteFactDay";
DROP TABLE "NoteFactDay";
ALTER TABLE "new_NoteFactDay" RENAME TO "NoteFactDay";
CREATE INDEX "NoteFactDay_day_idx" ON "NoteFactDay"("day");
CREATE INDEX "NoteFactDay_professionId_day_idx" ON "NoteFactDay"("professionId", "day");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- The new columns are filled by rebuilding every day that has rollup rows (a day with facts but none is marked already), in the background through the
-- usual marks (rollup.ts, 14 days per statement), not here: no pass over NoteFact at start-up.
INSERT INTO "NoteFactDayDirty" ("day") SELECT DISTINCT "day" FROM "NoteFactDay" WHERE true
ON CONFLICT ("day") DO UPDATE SET "seq" = "seq" + 1;
