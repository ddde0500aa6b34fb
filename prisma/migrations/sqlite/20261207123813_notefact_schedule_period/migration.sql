-- AlterTable
ALTER TABLE "NoteFact" ADD COLUMN "scheduleId" TEXT;
ALTER TABLE "NoteFact" ADD COLUMN "schedulePeriod" INTEGER;

-- CreateIndex
CREATE INDEX "Encounter_scheduleId_idx" ON "Encounter"("scheduleId");

-- Facts of scheduled encounters were computed without their schedule and period: recomputed on the next refresh.
DELETE FROM "NoteFact" WHERE "encounterId" IN (SELECT "id" FROM "Encounter" WHERE "scheduleId" IS NOT NULL);
