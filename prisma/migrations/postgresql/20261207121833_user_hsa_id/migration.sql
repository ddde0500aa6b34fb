-- AlterTable
ALTER TABLE "User" ADD COLUMN     "hsaId" TEXT;
