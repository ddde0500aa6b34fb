-- CreateTable
CREATE TABLE "TrainingCase" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "testCaseId" TEXT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRound" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "showFlags" BOOLEAN NOT NULL,
    "timeLimitSeconds" INTEGER,
    "cases" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "TrainingRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingParticipant" (
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "TrainingParticipant_pkey" PRIMARY KEY ("roundId","userId")
);

-- CreateTable
CREATE TABLE "TrainingAnswer" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "professionId" TEXT,
    "careUnitId" TEXT,
    "showFlags" BOOLEAN NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMP(3),
    "durationMs" INTEGER,
    "overTime" BOOLEAN NOT NULL DEFAULT false,
    "marks" JSONB,
    "result" JSONB,
    "planted" INTEGER NOT NULL DEFAULT 0,
    "found" INTEGER NOT NULL DEFAULT 0,
    "criticalPlanted" INTEGER NOT NULL DEFAULT 0,
    "criticalFound" INTEGER NOT NULL DEFAULT 0,
    "falseMarks" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TrainingAnswer_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "TrainingCase" ADD CONSTRAINT "TrainingCase_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingCase" ADD CONSTRAINT "TrainingCase_testCaseId_fkey" FOREIGN KEY ("testCaseId") REFERENCES "TestCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRound" ADD CONSTRAINT "TrainingRound_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingParticipant" ADD CONSTRAINT "TrainingParticipant_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "TrainingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingParticipant" ADD CONSTRAINT "TrainingParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAnswer" ADD CONSTRAINT "TrainingAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "TrainingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
