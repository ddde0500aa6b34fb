-- CreateTable
CREATE TABLE "StoredFile" (
    "key" TEXT NOT NULL,
    "folder" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "partBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "StoredFilePart" (
    "key" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "folder" TEXT NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "StoredFilePart_pkey" PRIMARY KEY ("key","index")
);

-- CreateTable
CREATE TABLE "ReportFile" (
    "id" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER,
    "storageKey" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readyAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "ReportFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoredFile_folder_idx" ON "StoredFile"("folder");

-- CreateIndex
CREATE INDEX "StoredFilePart_folder_idx" ON "StoredFilePart"("folder");

-- CreateIndex
CREATE INDEX "ReportFile_createdById_createdAt_idx" ON "ReportFile"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "ReportFile_expiresAt_idx" ON "ReportFile"("expiresAt");

-- Audio is already dense: store parts out of line without trying to compress them (hand-added).
ALTER TABLE "StoredFilePart" ALTER COLUMN "data" SET STORAGE EXTERNAL;
