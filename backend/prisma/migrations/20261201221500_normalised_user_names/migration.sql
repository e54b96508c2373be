-- Usernames and e-mails are compared after Unicode NFKC and case folding (docs/security.md).
-- Plain statements only: the migration runner of the JS engine does not take DO blocks.

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "username_key" VARCHAR(32);

-- Existing names that fold to the same key: the oldest account gets the key, the later ones keep
-- their name with a NULL key (no one is renamed behind their back). A new sign-up or a rename to
-- any spelling of that name is refused, because the oldest holds the key. (Usernames were ASCII
-- already, so lower() is their whole fold.)
UPDATE "users" u SET "username_key" = lower(u."username")
WHERE u."id" = (SELECT o."id" FROM "users" o WHERE lower(o."username") = lower(u."username") ORDER BY o."created_at", o."id" LIMIT 1);

-- E-mails were stored lower-cased. Bring them to NFKC as well, except where that would make two
-- accounts share an address (those stay as they are, for the operator to resolve).
UPDATE "users" u SET "email" = lower(normalize(u."email", NFKC))
WHERE u."email" <> lower(normalize(u."email", NFKC))
  AND NOT EXISTS (SELECT 1 FROM "users" o WHERE o."id" <> u."id" AND lower(normalize(o."email", NFKC)) = lower(normalize(u."email", NFKC)));

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key_key" ON "users"("username_key");
