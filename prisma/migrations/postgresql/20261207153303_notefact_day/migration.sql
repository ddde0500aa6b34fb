-- CreateTable
CREATE TABLE "NoteFactDay" (
    "key" TEXT NOT NULL,
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
    "draftChars" INTEGER NOT NULL,

    CONSTRAINT "NoteFactDay_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "NoteFactDayDirty" (
    "day" TEXT NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "NoteFactDayDirty_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "NoteFactDay_day_idx" ON "NoteFactDay"("day");

-- CreateIndex
CREATE INDEX "NoteFactDay_professionId_day_idx" ON "NoteFactDay"("professionId", "day");

-- Mark the days whose NoteFactDay rows are out of date, whoever changes NoteFact (the fact writer, a cascade from a deleted note, a migration).
CREATE FUNCTION "NoteFactDay_mark"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "NoteFactDayDirty" ("day") SELECT DISTINCT "day" FROM new_rows ORDER BY "day"
    ON CONFLICT ("day") DO UPDATE SET "seq" = "NoteFactDayDirty"."seq" + 1;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "NoteFactDayDirty" ("day") SELECT DISTINCT "day" FROM old_rows ORDER BY "day"
    ON CONFLICT ("day") DO UPDATE SET "seq" = "NoteFactDayDirty"."seq" + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "NoteFactDay_insert" AFTER INSERT ON "NoteFact" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "NoteFactDay_mark"();
CREATE TRIGGER "NoteFactDay_update" AFTER UPDATE ON "NoteFact" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "NoteFactDay_mark"();
CREATE TRIGGER "NoteFactDay_delete" AFTER DELETE ON "NoteFact" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "NoteFactDay_mark"();

-- Facts that exist already: every day of them is built on the next refresh.
INSERT INTO "NoteFactDayDirty" ("day") SELECT DISTINCT "day" FROM "NoteFact";
