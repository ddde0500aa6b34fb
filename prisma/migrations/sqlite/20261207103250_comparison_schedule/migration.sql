-- AlterTable
ALTER TABLE "Encounter" ADD COLUMN "assignedMode" TEXT;
ALTER TABLE "Encounter" ADD COLUMN "modeOverrideReason" TEXT;
ALTER TABLE "Encounter" ADD COLUMN "scheduleId" TEXT;

-- AlterTable
ALTER TABLE "NoteFact" ADD COLUMN "assignedMode" TEXT;
ALTER TABLE "NoteFact" ADD COLUMN "clinicianId" TEXT;

-- CreateTable
CREATE TABLE "ComparisonSchedule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "professionId" TEXT,
    "careUnitId" TEXT,
    "level" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "startDay" TEXT NOT NULL,
    "periodDays" INTEGER NOT NULL,
    "periods" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ComparisonSchedule_professionId_idx" ON "ComparisonSchedule"("professionId");

-- CreateIndex
CREATE INDEX "ComparisonSchedule_careUnitId_idx" ON "ComparisonSchedule"("careUnitId");

-- Facts computed before this migration learn their clinician from the encounter.
UPDATE "NoteFact" SET "clinicianId" = (SELECT "createdById" FROM "Encounter" WHERE "Encounter"."id" = "NoteFact"."encounterId");
