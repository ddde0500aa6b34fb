-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Recording" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "encounterId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'recording',
    "source" TEXT NOT NULL DEFAULT 'browser',
    "sampleRate" INTEGER NOT NULL,
    "channels" INTEGER NOT NULL DEFAULT 1,
    "originalFormat" TEXT,
    "durationSeconds" REAL,
    "sha256" TEXT,
    "storageKey" TEXT,
    "deletedAt" DATETIME,
    "deleteReason" TEXT,
    "jobId" TEXT,
    "speakers" JSONB,
    "receivedBytes" BIGINT NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Recording_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Recording" ("channels", "createdAt", "deleteReason", "deletedAt", "durationSeconds", "encounterId", "id", "jobId", "originalFormat", "sampleRate", "sha256", "source", "speakers", "status", "storageKey", "updatedAt") SELECT "channels", "createdAt", "deleteReason", "deletedAt", "durationSeconds", "encounterId", "id", "jobId", "originalFormat", "sampleRate", "sha256", "source", "speakers", "status", "storageKey", "updatedAt" FROM "Recording";
DROP TABLE "Recording";
ALTER TABLE "new_Recording" RENAME TO "Recording";
CREATE INDEX "Recording_encounterId_idx" ON "Recording"("encounterId");
CREATE INDEX "Recording_status_createdAt_idx" ON "Recording"("status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Recordings in progress during the upgrade: count what they already received.
UPDATE "Recording" SET "receivedBytes" = (SELECT COALESCE(SUM("bytes"), 0) FROM "RecordingChunk" WHERE "RecordingChunk"."recordingId" = "Recording"."id");
