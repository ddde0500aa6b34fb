-- AlterTable
ALTER TABLE "ReportFile" ADD COLUMN     "jobId" TEXT;
