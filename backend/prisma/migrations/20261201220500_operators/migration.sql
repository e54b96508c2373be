-- AlterTable
ALTER TABLE "users" ADD COLUMN     "disabled_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_sign_in_at" TIMESTAMPTZ(3),
ADD COLUMN     "role" VARCHAR(16) NOT NULL DEFAULT 'member';

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "revoked_by" VARCHAR(16);

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "actor_user_id" UUID;

-- CreateTable
CREATE TABLE "runtime_policy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "max_token_lifetime_days" INTEGER NOT NULL,
    "allow_no_expiry" BOOLEAN NOT NULL,
    "max_tokens_per_user" INTEGER NOT NULL,
    "expiry_notice_days" INTEGER NOT NULL,
    "idle_revoke_days" INTEGER,
    "signup_mode" VARCHAR(16) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" UUID,

    CONSTRAINT "runtime_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invites" (
    "id" UUID NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "code_preview" VARCHAR(32) NOT NULL,
    "email" VARCHAR(254),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" UUID NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "used_by_user_id" UUID,
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invites_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invites_code_hash_key" ON "invites"("code_hash");

-- CreateIndex
CREATE INDEX "invites_created_at_idx" ON "invites"("created_at");

-- CreateIndex
CREATE INDEX "audit_events_created_at_idx" ON "audit_events"("created_at");


-- An install upgraded from before roles: its oldest account becomes the admin, as on a new install.
UPDATE "users" SET "role" = 'admin' WHERE "id" = (SELECT "id" FROM "users" ORDER BY "created_at", "id" LIMIT 1);

-- Every token revoked so far was revoked by its owner.
UPDATE "api_tokens" SET "revoked_by" = 'owner' WHERE "status" = 'REVOKED';
