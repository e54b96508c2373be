-- Which secret a token-made audit event used: during a rotation's grace period the old secret is
-- not the token's current one, and Activity must not credit its calls to the new one (issue 18).
ALTER TABLE "audit_events" ADD COLUMN "actor_secret_preview" VARCHAR(32);
