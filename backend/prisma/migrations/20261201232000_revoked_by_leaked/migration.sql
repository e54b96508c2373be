-- A token revoked as leaked has a token_leaks row, and `revoked_by` says so (one revocation reason).
-- Only a database that ran the leak response before the operators migration has such rows with
-- another value (that migration set every revoked token to 'owner').
UPDATE "api_tokens" SET "revoked_by" = 'leaked'
WHERE "id" IN (SELECT "token_id" FROM "token_leaks") AND "status" = 'REVOKED';
