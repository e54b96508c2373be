-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "application_id" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001',
ADD COLUMN     "quota_refill_amount" INTEGER,
ADD COLUMN     "quota_refill_interval" VARCHAR(8);

-- CreateTable
CREATE TABLE "applications" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(32) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "description" VARCHAR(500),
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_scopes" (
    "application_id" UUID NOT NULL,
    "scope" VARCHAR(65) NOT NULL,
    "description" VARCHAR(200) NOT NULL,
    "description_zh" VARCHAR(200),
    "implies" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "application_scopes_pkey" PRIMARY KEY ("application_id","scope")
);

-- CreateTable
CREATE TABLE "service_keys" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "key_preview" VARCHAR(32) NOT NULL,
    "created_by_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_keys_pkey" PRIMARY KEY ("id")
);


-- The built-in application: Tessera's own API, with today's scope groups (write implies read).
INSERT INTO "applications" ("id", "slug", "name", "description", "built_in", "updated_at") VALUES
  ('00000000-0000-4000-8000-000000000001', 'tessera', 'Tessera API', 'Tessera''s own REST API: your account, your tokens, their usage.', true, CURRENT_TIMESTAMP);
INSERT INTO "application_scopes" ("application_id", "scope", "description", "description_zh", "implies", "position") VALUES
  ('00000000-0000-4000-8000-000000000001', 'account:read', 'Read your profile (username, email)', '读取你的资料（用户名、邮箱）', ARRAY[]::TEXT[], 0),
  ('00000000-0000-4000-8000-000000000001', 'account:write', 'Change your profile', '修改你的资料', ARRAY['account:read'], 1),
  ('00000000-0000-4000-8000-000000000001', 'tokens:read', 'List your tokens and see their details', '列出你的令牌并查看详情', ARRAY[]::TEXT[], 2),
  ('00000000-0000-4000-8000-000000000001', 'tokens:write', 'Revoke your tokens', '吊销你的令牌', ARRAY['tokens:read'], 3),
  ('00000000-0000-4000-8000-000000000001', 'usage:read', 'Read usage statistics of your tokens', '读取你的令牌的用量统计', ARRAY[]::TEXT[], 4),
  ('00000000-0000-4000-8000-000000000001', 'usage:write', 'Usage, at the write level', '用量（写级别）', ARRAY['usage:read'], 5),
  ('00000000-0000-4000-8000-000000000001', 'tokens:rotate-self', 'The token may rotate its own secret', '令牌可以轮换自己的密钥', ARRAY[]::TEXT[], 6);

-- CreateIndex
CREATE UNIQUE INDEX "applications_slug_key" ON "applications"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "service_keys_key_hash_key" ON "service_keys"("key_hash");

-- CreateIndex
CREATE INDEX "service_keys_application_id_created_at_idx" ON "service_keys"("application_id", "created_at");

-- CreateIndex
CREATE INDEX "api_tokens_application_id_idx" ON "api_tokens"("application_id");

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_scopes" ADD CONSTRAINT "application_scopes_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_keys" ADD CONSTRAINT "service_keys_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

