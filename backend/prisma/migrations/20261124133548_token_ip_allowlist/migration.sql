-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "allowed_ips" TEXT[] DEFAULT ARRAY[]::TEXT[];
