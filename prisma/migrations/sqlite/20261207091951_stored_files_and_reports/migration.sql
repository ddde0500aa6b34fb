-- CreateTable
CREATE TABLE "StoredFile" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "folder" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "partBytes" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StoredFilePart" (
    "key" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "folder" TEXT NOT NULL,
    "data" BLOB NOT NULL,

    PRIMARY KEY ("key", "index")
);

-- CreateTable
CREATE TABLE "ReportFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "format" TEXT NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER,
    "storageKey" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readyAt" DATETIME,
    "expiresAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "StoredFile_folder_idx" ON "StoredFile"("folder");

-- CreateIndex
CREATE INDEX "StoredFilePart_folder_idx" ON "StoredFilePart"("folder");

-- CreateIndex
CREATE INDEX "ReportFile_createdById_createdAt_idx" ON "ReportFile"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "ReportFile_expiresAt_idx" ON "ReportFile"("expiresAt");
