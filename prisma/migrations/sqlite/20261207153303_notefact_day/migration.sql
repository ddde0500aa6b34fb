-- CreateTable
CREATE TABLE "NoteFactDay" (
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

-- CreateTable
CREATE TABLE "NoteFactDayDirty" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL DEFAULT 1
);

-- CreateIndex
CREATE INDEX "NoteFactDay_day_idx" ON "NoteFactDay"("day");

-- CreateIndex
CREATE INDEX "NoteFactDay_professionId_day_idx" ON "NoteFactDay"("professionId", "day");

-- Mark the days whose NoteFactDay rows are out of date, whoever changes NoteFact (the fact writer, a cascade from a deleted note, a migration).
CREATE TRIGGER "NoteFactDay_insert" AFTER INSERT ON "NoteFact"
BEGIN
  INSERT INTO "NoteFactDayDirty" ("day", "seq") VALUES (NEW."day", 1) ON CONFLICT ("day") DO UPDATE SET "seq" = "seq" + 1;
END;
CREATE TRIGGER "NoteFactDay_update" AFTER UPDATE ON "NoteFact"
BEGIN
  INSERT INTO "NoteFactDayDirty" ("day", "seq") VALUES (OLD."day", 1) ON CONFLICT ("day") DO UPDATE SET "seq" = "seq" + 1;
  INSERT INTO "NoteFactDayDirty" ("day", "seq") VALUES (NEW."day", 1) ON CONFLICT ("day") DO UPDATE SET "seq" = "seq" + 1;
END;
CREATE TRIGGER "NoteFactDay_delete" AFTER DELETE ON "NoteFact"
BEGIN
  INSERT INTO "NoteFactDayDirty" ("day", "seq") VALUES (OLD."day", 1) ON CONFLICT ("day") DO UPDATE SET "seq" = "seq" + 1;
END;

-- Facts that exist already: every day of them is built on the next refresh.
INSERT INTO "NoteFactDayDirty" ("day") SELECT DISTINCT "day" FROM "NoteFact" WHERE true;
