-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "last_refused_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_refused_code" VARCHAR(40);

