-- CreateTable
CREATE TABLE "api_token_recent_ips" (
    "token_id" UUID NOT NULL,
    "ip" VARCHAR(45) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "api_token_recent_ips_pkey" PRIMARY KEY ("token_id","ip")
);

-- AddForeignKey
ALTER TABLE "api_token_recent_ips" ADD CONSTRAINT "api_token_recent_ips_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

