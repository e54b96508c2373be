-- CreateEnum
CREATE TYPE "ExpiryNoticeStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "expiry_webhooks" (
    "user_id" UUID NOT NULL,
    "url" VARCHAR(2048) NOT NULL,
    "secret" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "expiry_webhooks_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "expiry_notices" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "ExpiryNoticeStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" VARCHAR(500),
    "last_status" INTEGER,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "expiry_notices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "expiry_notices_status_next_attempt_at_idx" ON "expiry_notices"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "expiry_notices_user_id_created_at_idx" ON "expiry_notices"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "expiry_notices_token_id_expires_at_key" ON "expiry_notices"("token_id", "expires_at");

-- AddForeignKey
ALTER TABLE "expiry_webhooks" ADD CONSTRAINT "expiry_webhooks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expiry_notices" ADD CONSTRAINT "expiry_notices_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

