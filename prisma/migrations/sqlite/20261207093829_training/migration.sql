-- CreateTable
CREATE TABLE "TrainingCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "testCaseId" TEXT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TrainingCase_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrainingCase_testCaseId_fkey" FOREIGN KEY ("testCaseId") REFERENCES "TestCase" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrainingRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "showFlags" BOOLEAN NOT NULL,
    "timeLimitSeconds" INTEGER,
    "cases" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    CONSTRAINT "TrainingRound_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrainingParticipant" (
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("roundId", "userId"),
    CONSTRAINT "TrainingParticipant_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "TrainingRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrainingParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrainingAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "professionId" TEXT,
    "careUnitId" TEXT,
    "showFlags" BOOLEAN NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    "durationMs" INTEGER,
    "overTime" BOOLEAN NOT NULL DEFAULT false,
    "marks" JSONB,
    "result" JSONB,
    "planted" INTEGER NOT NULL DEFAULT 0,
    "found" INTEGER NOT NULL DEFAULT 0,
    "criticalPlanted" INTEGER NOT NULL DEFAULT 0,
    "criticalFound" INTEGER NOT NULL DEFAULT 0,
    "falseMarks" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "TrainingAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "TrainingRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "TrainingCase_groupId_slug_key" ON "TrainingCase"("groupId", "slug");

-- CreateIndex
CREATE INDEX "TrainingRound_groupId_createdAt_idx" ON "TrainingRound"("groupId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingParticipant_userId_idx" ON "TrainingParticipant"("userId");

-- CreateIndex
CREATE INDEX "TrainingAnswer_userId_idx" ON "TrainingAnswer"("userId");

-- CreateIndex
CREATE INDEX "TrainingAnswer_submittedAt_idx" ON "TrainingAnswer"("submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingAnswer_roundId_userId_caseId_key" ON "TrainingAnswer"("roundId", "userId", "caseId");
