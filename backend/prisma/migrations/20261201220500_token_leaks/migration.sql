-- AlterTable
ALTER TABLE "expiry_notices" ADD COLUMN     "event" VARCHAR(40) NOT NULL DEFAULT 'token.expiring',
ADD COLUMN     "payload" JSONB,
ALTER COLUMN "expires_at" DROP NOT NULL;

-- CreateTable
CREATE TABLE "token_leaks" (
    "token_id" UUID NOT NULL,
    "source" VARCHAR(200),
    "url" VARCHAR(2048),
    "reported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dismissed_at" TIMESTAMPTZ(3),

    CONSTRAINT "token_leaks_pkey" PRIMARY KEY ("token_id")
);

-- AddForeignKey
ALTER TABLE "token_leaks" ADD CONSTRAINT "token_leaks_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

