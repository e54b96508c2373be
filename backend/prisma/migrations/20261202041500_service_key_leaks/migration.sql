-- Service keys found in public are revoked like tokens: who revoked a key, and where a leaked one was found.
ALTER TABLE "service_keys" ADD COLUMN "revoked_by" VARCHAR(16),
ADD COLUMN "leak_source" VARCHAR(200),
ADD COLUMN "leak_url" VARCHAR(2048),
ADD COLUMN "leak_reported_at" TIMESTAMPTZ(3),
ADD COLUMN "leak_dismissed_at" TIMESTAMPTZ(3);

-- Keys revoked before this migration: by an admin, or with their deleted application.
UPDATE "service_keys" k SET "revoked_by" = CASE WHEN a."deleted_at" IS NOT NULL THEN 'application' ELSE 'admin' END
FROM "applications" a WHERE a."id" = k."application_id" AND k."revoked_at" IS NOT NULL;

-- The owner-event queue also carries events about a service key (`service_key.leaked`), which have no token.
ALTER TABLE "expiry_notices" ALTER COLUMN "token_id" DROP NOT NULL,
ADD COLUMN "service_key_id" UUID;

ALTER TABLE "expiry_notices" ADD CONSTRAINT "expiry_notices_service_key_id_fkey" FOREIGN KEY ("service_key_id") REFERENCES "service_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;

