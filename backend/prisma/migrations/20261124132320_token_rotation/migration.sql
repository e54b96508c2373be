-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "grace_until" TIMESTAMPTZ(3),
ADD COLUMN     "rotated_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "api_token_retired_secrets" (
    "id" UUID NOT NULL,
    "token_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "token_preview" VARCHAR(32) NOT NULL,
    "retired_at" TIMESTAMPTZ(3) NOT NULL,
    "grace_until" TIMESTAMPTZ(3) NOT NULL,
    "reuse_count" INTEGER NOT NULL DEFAULT 0,
    "last_reused_at" TIMESTAMPTZ(3),
    "last_reused_ip" VARCHAR(45),

    CONSTRAINT "api_token_retired_secrets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_token_retired_secrets_token_hash_key" ON "api_token_retired_secrets"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_retired_secrets_token_id_retired_at_idx" ON "api_token_retired_secrets"("token_id", "retired_at");

-- AddForeignKey
ALTER TABLE "api_token_retired_secrets" ADD CONSTRAINT "api_token_retired_secrets_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;
