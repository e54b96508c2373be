-- AlterTable
ALTER TABLE "runtime_policy" ADD COLUMN     "open_verify_for_tessera_tokens" BOOLEAN NOT NULL DEFAULT true;

