-- AlterTable
ALTER TABLE "Recording" ADD COLUMN     "receivedBytes" BIGINT NOT NULL DEFAULT 0;

-- Recordings in progress during the upgrade: count what they already received.
UPDATE "Recording" SET "receivedBytes" = (SELECT COALESCE(SUM("bytes"), 0) FROM "RecordingChunk" WHERE "RecordingChunk"."recordingId" = "Recording"."id");
