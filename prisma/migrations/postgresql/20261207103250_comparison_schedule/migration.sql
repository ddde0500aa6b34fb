-- AlterTable
ALTER TABLE "Encounter" ADD COLUMN     "assignedMode" TEXT,
ADD COLUMN     "modeOverrideReason" TEXT,
ADD COLUMN     "scheduleId" TEXT;

-- AlterTable
ALTER TABLE "NoteFact" ADD COLUMN     "assignedMode" TEXT,
ADD COLUMN     "clinicianId" TEXT;

-- CreateTable
CREATE TABLE "ComparisonSchedule" (
    "id" TEXT NOT NULL,
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
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComparisonSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ComparisonSchedule_professionId_idx" ON "ComparisonSchedule"("professionId");

-- CreateIndex
CREATE INDEX "ComparisonSchedule_careUnitId_idx" ON "ComparisonSchedule"("careUnitId");

-- Facts computed before this migration learn their clinician from the encounter.
UPDATE "NoteFact" SET "clinicianId" = (SELECT "createdById" FROM "Encounter" WHERE "Encounter"."id" = "NoteFact"."encounterId");

-- The follow-up now also groups by the clinician and the schedule's
-- assignment: the multi-column statistics cover all eight grouping columns
-- (PostgreSQL's maximum), for the reason given in 20261202000000.
DROP STATISTICS IF EXISTS "NoteFact_cell_ndistinct";
CREATE STATISTICS "NoteFact_cell_ndistinct" (ndistinct) ON "mode", "professionId", "careUnitId", "workflowVersionId", "noteType", "month", "clinicianId", "assignedMode" FROM "NoteFact";
