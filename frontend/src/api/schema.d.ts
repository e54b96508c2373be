// Generated from the OpenAPI document by openapi-typescript: do not edit.
// Regenerate with `pnpm --filter @tessera/backend openapi:generate` after changing a route, a DTO or a view.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready to serve: 200 when the database answers, 503 otherwise */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account */
        post: operations["registerUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; returns a session JWT */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller as the server sees it: a session, or which token with which scopes (any valid credential) */
        get: operations["getWhoAmI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user (session or account:read) */
        get: operations["getProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change username, email or password (email and password changes need currentPassword, throttled like sign-in: 429 RATE_LIMITED) */
        patch: operations["updateProfile"];
        trace?: never;
    };
    "/api/users/me/api-tokens/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Overview of your tokens and their usage over ?days (session or usage:read) */
        get: operations["getApiTokenStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/api-tokens/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One point per UTC day (zeros filled) for charts (session or usage:read) */
        get: operations["getApiTokenUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/api-tokens/self": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling token as it now is (any valid PAT, whatever its scopes; not a session) */
        get: operations["getSelfApiToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/api-tokens/self/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The calling token replaces its own secret (needs tokens:rotate-self); scopes, limits and expiry stay exactly as they are */
        post: operations["rotateSelfApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your tokens (session or tokens:read) */
        get: operations["listApiTokens"];
        put?: never;
        /** Mint a token; the answer holds the plaintext `token`, this once (session only) */
        post: operations["createApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/api-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One token with its usage summary (session or tokens:read) */
        get: operations["getApiToken"];
        put?: never;
        post?: never;
        /** Soft delete (session only) */
        delete: operations["deleteApiToken"];
        options?: never;
        head?: never;
        /** Edit name, description, scopes, expiry or limits (session only) */
        patch: operations["updateApiToken"];
        trace?: never;
    };
    "/api/users/me/api-tokens/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke for good (session or tokens:write) */
        post: operations["revokeApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/api-tokens/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New secret, same settings and usage; the old secret works for gracePeriodSeconds, then fails with TOKEN_ROTATED (session only) */
        post: operations["rotateApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/api-tokens/{id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate with no grace: new secret, same settings; the old secret fails at once with TOKEN_ROTATED (session only) */
        post: operations["regenerateApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/api-tokens/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo a soft delete; a revoked token stays revoked (session only) */
        post: operations["restoreApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What happened to your tokens, newest first (session or tokens:read) */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The token rules of this install: longest lifetime, whether "no expiry" is allowed, notice window, cap, idle revocation, sign-up mode (public; admins change it at runtime) */
        get: operations["getPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/expiry-webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your expiry webhook, its signing secret and its 10 most recent notices (session only) */
        get: operations["getExpiryWebhook"];
        /** Set the URL that gets a signed POST when a token enters the expiry window; a new webhook gets a new secret (session only) */
        put: operations["saveExpiryWebhook"];
        post?: never;
        /** Stop sending expiry notices (session only) */
        delete: operations["deleteExpiryWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/expiry-webhook/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (session only) */
        post: operations["rotateExpiryWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/expiry-webhook/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed `ping` event now and report the answer (session only) */
        post: operations["testExpiryWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a token for another service and charge `cost` when it is valid
         * @description Authenticated by the token in the body. 200 with `valid` and `code` for every answer about the token (VALID or the code the API itself would give); 400 for a malformed body; 503 LIMITER_UNAVAILABLE when a limited token cannot be checked. An invalid call charges nothing.
         */
        post: operations["verifyToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Applications with their scope catalogues (admin session) */
        get: operations["listAdminApplications"];
        put?: never;
        /** Register an application with its scope catalogue (admin session) */
        post: operations["createApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One application (admin session) */
        get: operations["getApplication"];
        put?: never;
        post?: never;
        /** Delete an application: its service keys stop and its tokens are revoked; SCOPE_IN_USE while live tokens exist unless ?force=true (admin session) */
        delete: operations["deleteApplication"];
        options?: never;
        head?: never;
        /** Edit name, description or the whole catalogue; removing scopes live tokens hold is SCOPE_IN_USE unless ?force=true (admin session) */
        patch: operations["updateApplication"];
        trace?: never;
    };
    "/api/admin/applications/{id}/service-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service keys of an application, never their secrets (admin session) */
        get: operations["listServiceKeys"];
        put?: never;
        /** Create a service key; the answer holds the plaintext `key`, this once (admin session) */
        post: operations["createServiceKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/applications/{id}/service-keys/{keyId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a service key for good (admin session) */
        post: operations["revokeServiceKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Applications a token can be minted for, with their scope catalogues (session or tokens:read)
         * @description Scope descriptions follow Accept-Language: zh… gives the Chinese text where the application has one.
         */
        get: operations["listApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invites not deleted, newest first (admin session) */
        get: operations["listInvites"];
        put?: never;
        /** Create a single-use invite (admin session); the code is in this answer only */
        post: operations["createInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an invite: its code stops working (admin session) */
        delete: operations["deleteInvite"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every account with role, status, token counts and last activity (admin session) */
        get: operations["listAdminUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change role or disable / enable an account (admin session); disabling stops its sessions and tokens at once */
        patch: operations["updateAdminUser"];
        trace?: never;
    };
    "/api/admin/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The credentials inventory: every user's tokens with owner, state and usage, never a secret (admin session) */
        get: operations["listAdminApiTokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-tokens/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke up to 500 tokens of any users; all ids must exist or nothing is revoked (admin session) */
        post: operations["revokeAdminApiTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-tokens/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke any user's token (admin session); the owner sees revokedBy: admin */
        post: operations["revokeAdminApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The runtime policy (admin session) */
        get: operations["getAdminPolicy"];
        /** Replace the runtime policy (admin session); every instance applies it within POLICY_REFRESH_SECONDS */
        put: operations["updateAdminPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log across every account, newest first, with filters (admin session) */
        get: operations["listAdminAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Instance-wide requests per day and the top tokens and users (admin session) */
        get: operations["getAdminUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/revoke-leaked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report tokens or service keys found in public; each live one is revoked within seconds and its owner (for a service key, the admins) told
         * @description No authentication. Always 202 `{received}` for a well-formed body, whatever the tokens are: the answer never says which existed, and the lookups run after it. Entries failing the checksum are dropped without a lookup. Rate-limited per client IP.
         */
        post: operations["reportLeakedTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/secret-scanning/github": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * GitHub secret scanning partner endpoint: revokes live tokens and service keys in a signed alert and answers GitHub's feedback
         * @description The body is a JSON array of `{token, type, url, source}`, signed by GitHub (see docs/secret-scanning.md).
         */
        post: operations["reportGithubSecretScanningAlert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/secret-scanning/trufflehog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * TruffleHog custom detector verification: 200 when one of the matched values is a token or service key that works now
         * @description TruffleHog POSTs `{"<detector>": {"<regex name>": ["tsr_…"]}}` and reads 200 as verified. Charges nothing, records no use, revokes nothing (see docs/secret-scanning.md). 401 TOKEN_INVALID, TOKEN_REVOKED, TOKEN_EXPIRED, TOKEN_DELETED, TOKEN_ROTATED, USER_DISABLED or SERVICE_KEY_INVALID otherwise.
         */
        post: operations["verifyTrufflehogMatches"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/token-leaks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your tokens revoked because they leaked, whose banner you have not dismissed, newest first (session or tokens:read) */
        get: operations["listTokenLeaks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/api-tokens/{id}/leak/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hide a leaked token's banner; the token stays revoked and keeps its leak record (session only) */
        post: operations["setTokenLeakDismissed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/service-key-leaks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service keys revoked because they leaked, whose banner no admin has dismissed, newest first (admin session) */
        get: operations["listServiceKeyLeaks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/service-key-leaks/{keyId}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hide a leaked service key's banner for every admin; the key stays revoked and keeps its leak record (admin session) */
        post: operations["setServiceKeyLeakDismissed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HealthView: {
            /**
             * @example ok
             * @enum {string}
             */
            status: "ok" | "error";
            /**
             * @example up
             * @enum {string}
             */
            database: "up" | "down";
        };
        RegisterDto: {
            /** @example ada */
            username: string;
            /** @example ada@example.com */
            email: string;
            /** @example correct horse battery staple */
            password: string;
            /**
             * @description Needed when the sign-up mode is `invite` (from an admin's invitation)
             * @example inv_…
             */
            inviteCode?: string;
        };
        UserView: {
            /** Format: uuid */
            id: string;
            /** @example ada */
            username: string;
            /** @example ada@example.com */
            email: string;
            /**
             * @description admin | member; the first account of an install is admin
             * @enum {string}
             */
            role: "admin" | "member";
            createdAt: string;
            updatedAt: string;
        };
        LoginDto: {
            /** @example ada@example.com */
            email: string;
            /** @example correct horse battery staple */
            password: string;
        };
        LoginResponseView: {
            /** @description Session JWT: send as `Authorization: Bearer <access_token>` */
            access_token: string;
            /** @description Seconds until the session expires */
            expires_in: number;
            user: components["schemas"]["UserView"];
        };
        WhoAmIView: {
            /** @enum {string} */
            kind: "session" | "token";
            /** Format: uuid */
            userId: string;
            /**
             * Format: uuid
             * @description The calling token (kind token)
             */
            tokenId?: string;
            /** @description Its scopes (kind token) */
            scopes?: ("account:read" | "account:write" | "tokens:read" | "tokens:write" | "usage:read" | "usage:write" | "tokens:rotate-self")[];
            /** @description The call used a secret retired by rotation, still in its grace period (kind token) */
            usingRetiredSecret?: boolean;
        };
        UpdateProfileDto: {
            /** @example ada */
            username?: string;
            /** @example ada@example.com */
            email?: string;
            /** @example correct horse battery staple */
            newPassword?: string;
            /** @description Required when newPassword is set or email changes */
            currentPassword?: string;
        };
        TokenStatsView: {
            days: number;
            /** Format: date-time */
            periodStart: string;
            /** Format: date-time */
            periodEnd: string;
            totalTokens: number;
            activeTokens: number;
            expiredTokens: number;
            revokedTokens: number;
            deletedTokens: number;
            totalRequests: number;
            successCount: number;
            failureCount: number;
            successRate: number;
            totalCost: number;
            /** @description Sum of quotaUsed over live tokens */
            quotaUsed?: number;
            avgCostPerRequest: number;
        };
        UsagePointView: {
            /** @example 2026-11-24 */
            date: string;
            requests: number;
            successes: number;
            failures: number;
            cost: number;
        };
        TokenUsageView: {
            /** Format: uuid */
            tokenId: string;
            days: number;
            /** @example 2026-10-26 */
            from: string;
            /** @example 2026-11-24 */
            to: string;
            points: components["schemas"]["UsagePointView"][];
        };
        TokenApplicationView: {
            /** Format: uuid */
            id: string;
            /** @example tessera */
            slug: string;
            /** @example Tessera API */
            name: string;
        };
        TokenLeakView: {
            /**
             * @description Who reported it: `github` for partner alerts, else the report's `source`
             * @example github
             */
            source: string | null;
            /** @example https://github.com/octo/app/blob/main/.env */
            url: string | null;
            /** Format: date-time */
            reportedAt: string;
            /**
             * Format: date-time
             * @description When the owner dismissed the panel banner
             */
            dismissedAt: string | null;
        };
        QuotaRefillView: {
            /** @description Units the quota is back to at each boundary */
            amount: number;
            /**
             * @description UTC day, ISO week (from Monday) or calendar month
             * @enum {string}
             */
            interval: "day" | "week" | "month";
        };
        SelfApiTokenView: {
            /** @description The application the token is for (fixed for its life) */
            application: components["schemas"]["TokenApplicationView"];
            /** Format: uuid */
            id: string;
            /** @example CI deploy */
            name: string;
            description: string | null;
            /** @example tsr_Ab12…x9Yz */
            tokenPreview: string;
            /**
             * @description Scopes from the application's catalogue
             * @example [
             *       "account:read"
             *     ]
             */
            scopes: string[];
            /** @enum {string} */
            status: "ACTIVE" | "REVOKED";
            /**
             * @description Derived: deleted > revoked > expired > active
             * @enum {string}
             */
            state: "active" | "expired" | "revoked" | "deleted";
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * @description Who revoked it: owner, admin, idle (the idle-revocation policy) or leaked (found in public; see `leak`)
             * @enum {string|null}
             */
            revokedBy: "owner" | "admin" | "idle" | "leaked" | null;
            /** Format: date-time */
            deletedAt: string | null;
            /** @description Where and when it was found in public: set exactly when revokedBy is leaked */
            leak: components["schemas"]["TokenLeakView"] | null;
            requestLimit: number | null;
            quotaLimit: number | null;
            /** @description Calls per minute */
            rateLimit: number | null;
            /** @description The quota refills at each UTC boundary; null = never */
            quotaRefill: components["schemas"]["QuotaRefillView"] | null;
            /**
             * Format: date-time
             * @description The next refill of the quota
             */
            quotaResetsAt: string | null;
            /** @description IPs and CIDR ranges the token may be used from; empty = anywhere */
            allowedIps: string[];
            requestCount: number;
            quotaUsed: number;
            /**
             * Format: date-time
             * @description The last admitted call (refused calls never move it)
             */
            lastUsedAt: string | null;
            /** @description Client IP of the last admitted call */
            lastUsedIp: string | null;
            /**
             * Format: date-time
             * @description The last call refused with this token
             */
            lastRefusedAt: string | null;
            /**
             * @description The error code of that refusal
             * @example IP_NOT_ALLOWED
             */
            lastRefusedCode: string | null;
            /**
             * Format: date-time
             * @description When the secret was last replaced (rotate or regenerate)
             */
            rotatedAt: string | null;
            /**
             * Format: date-time
             * @description Until when the secret replaced by the last rotation keeps working; in the past once its grace period is over
             */
            graceUntil: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Active and expiring within EXPIRY_NOTICE_DAYS (see GET /policy) */
            expiringSoon: boolean;
            /** @description True when this call used a secret replaced by rotation, still within its grace period */
            usingRetiredSecret: boolean;
        };
        RotateApiTokenDto: {
            /**
             * Format: date-time
             * @description New expiry, as for regenerate. Absent: unchanged
             */
            expiresAt?: string | null;
            /** @description How long the old secret keeps working (0 to 7 days); then it fails with TOKEN_ROTATED. Default: 0. */
            gracePeriodSeconds?: number;
        };
        RevealedApiTokenView: {
            /** @description The application the token is for (fixed for its life) */
            application: components["schemas"]["TokenApplicationView"];
            /** Format: uuid */
            id: string;
            /** @example CI deploy */
            name: string;
            description: string | null;
            /** @example tsr_Ab12…x9Yz */
            tokenPreview: string;
            /**
             * @description Scopes from the application's catalogue
             * @example [
             *       "account:read"
             *     ]
             */
            scopes: string[];
            /** @enum {string} */
            status: "ACTIVE" | "REVOKED";
            /**
             * @description Derived: deleted > revoked > expired > active
             * @enum {string}
             */
            state: "active" | "expired" | "revoked" | "deleted";
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * @description Who revoked it: owner, admin, idle (the idle-revocation policy) or leaked (found in public; see `leak`)
             * @enum {string|null}
             */
            revokedBy: "owner" | "admin" | "idle" | "leaked" | null;
            /** Format: date-time */
            deletedAt: string | null;
            /** @description Where and when it was found in public: set exactly when revokedBy is leaked */
            leak: components["schemas"]["TokenLeakView"] | null;
            requestLimit: number | null;
            quotaLimit: number | null;
            /** @description Calls per minute */
            rateLimit: number | null;
            /** @description The quota refills at each UTC boundary; null = never */
            quotaRefill: components["schemas"]["QuotaRefillView"] | null;
            /**
             * Format: date-time
             * @description The next refill of the quota
             */
            quotaResetsAt: string | null;
            /** @description IPs and CIDR ranges the token may be used from; empty = anywhere */
            allowedIps: string[];
            requestCount: number;
            quotaUsed: number;
            /**
             * Format: date-time
             * @description The last admitted call (refused calls never move it)
             */
            lastUsedAt: string | null;
            /** @description Client IP of the last admitted call */
            lastUsedIp: string | null;
            /**
             * Format: date-time
             * @description The last call refused with this token
             */
            lastRefusedAt: string | null;
            /**
             * @description The error code of that refusal
             * @example IP_NOT_ALLOWED
             */
            lastRefusedCode: string | null;
            /**
             * Format: date-time
             * @description When the secret was last replaced (rotate or regenerate)
             */
            rotatedAt: string | null;
            /**
             * Format: date-time
             * @description Until when the secret replaced by the last rotation keeps working; in the past once its grace period is over
             */
            graceUntil: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Active and expiring within EXPIRY_NOTICE_DAYS (see GET /policy) */
            expiringSoon: boolean;
            /**
             * @description The secret. Shown this once; store it now.
             * @example tsr_…
             */
            token: string;
        };
        ApiTokenView: {
            /** @description The application the token is for (fixed for its life) */
            application: components["schemas"]["TokenApplicationView"];
            /** Format: uuid */
            id: string;
            /** @example CI deploy */
            name: string;
            description: string | null;
            /** @example tsr_Ab12…x9Yz */
            tokenPreview: string;
            /**
             * @description Scopes from the application's catalogue
             * @example [
             *       "account:read"
             *     ]
             */
            scopes: string[];
            /** @enum {string} */
            status: "ACTIVE" | "REVOKED";
            /**
             * @description Derived: deleted > revoked > expired > active
             * @enum {string}
             */
            state: "active" | "expired" | "revoked" | "deleted";
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * @description Who revoked it: owner, admin, idle (the idle-revocation policy) or leaked (found in public; see `leak`)
             * @enum {string|null}
             */
            revokedBy: "owner" | "admin" | "idle" | "leaked" | null;
            /** Format: date-time */
            deletedAt: string | null;
            /** @description Where and when it was found in public: set exactly when revokedBy is leaked */
            leak: components["schemas"]["TokenLeakView"] | null;
            requestLimit: number | null;
            quotaLimit: number | null;
            /** @description Calls per minute */
            rateLimit: number | null;
            /** @description The quota refills at each UTC boundary; null = never */
            quotaRefill: components["schemas"]["QuotaRefillView"] | null;
            /**
             * Format: date-time
             * @description The next refill of the quota
             */
            quotaResetsAt: string | null;
            /** @description IPs and CIDR ranges the token may be used from; empty = anywhere */
            allowedIps: string[];
            requestCount: number;
            quotaUsed: number;
            /**
             * Format: date-time
             * @description The last admitted call (refused calls never move it)
             */
            lastUsedAt: string | null;
            /** @description Client IP of the last admitted call */
            lastUsedIp: string | null;
            /**
             * Format: date-time
             * @description The last call refused with this token
             */
            lastRefusedAt: string | null;
            /**
             * @description The error code of that refusal
             * @example IP_NOT_ALLOWED
             */
            lastRefusedCode: string | null;
            /**
             * Format: date-time
             * @description When the secret was last replaced (rotate or regenerate)
             */
            rotatedAt: string | null;
            /**
             * Format: date-time
             * @description Until when the secret replaced by the last rotation keeps working; in the past once its grace period is over
             */
            graceUntil: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Active and expiring within EXPIRY_NOTICE_DAYS (see GET /policy) */
            expiringSoon: boolean;
        };
        ApiTokenPageView: {
            data: components["schemas"]["ApiTokenView"][];
            /** @description Of all your tokens (not only this page): how many are active and expire within EXPIRY_NOTICE_DAYS */
            expiringSoonCount: number;
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        QuotaRefillDto: {
            /** @description Units the quota is back to at each boundary; at most quotaLimit */
            amount: number;
            /**
             * @description UTC day, ISO week (from Monday) or calendar month
             * @enum {string}
             */
            interval: "day" | "week" | "month";
        };
        CreateApiTokenDto: {
            /**
             * Format: uuid
             * @description The application the token is for (GET /applications); default: tessera, Tessera's own API
             */
            applicationId?: string;
            /** @example CI deploy */
            name: string;
            description?: string | null;
            /**
             * @description Scopes from the application's catalogue (GET /applications)
             * @example [
             *       "account:read",
             *       "tokens:read"
             *     ]
             */
            scopes: string[];
            /**
             * Format: date-time
             * @description Must be in the future; null or absent = never expires
             */
            expiresAt?: string | null;
            /** @description Total calls allowed; null = unlimited */
            requestLimit?: number | null;
            /** @description Total cost units allowed; null = unlimited */
            quotaLimit?: number | null;
            /** @description Calls per minute; null = unlimited */
            rateLimit?: number | null;
            /** @description The quota refills: the period of creation grants quotaLimit, every later one `amount`; null = never */
            quotaRefill?: components["schemas"]["QuotaRefillDto"] | null;
            /**
             * @description IPs and CIDR ranges (v4 and v6) the token may be used from; empty = anywhere
             * @example [
             *       "203.0.113.7",
             *       "10.0.0.0/8",
             *       "2001:db8::/32"
             *     ]
             */
            allowedIps?: string[];
        };
        UsageSummaryView: {
            totalRequests: number;
            successCount: number;
            failureCount: number;
            /** @description successCount / totalRequests, 0 when there were none */
            successRate: number;
            totalCost: number;
            last7DaysRequests: number;
            last30DaysRequests: number;
        };
        RetiredSecretView: {
            /** @example tsr_Ab12…x9Yz */
            tokenPreview: string;
            /** Format: date-time */
            retiredAt: string;
            /**
             * Format: date-time
             * @description The secret works until this moment, then fails with TOKEN_ROTATED
             */
            graceUntil: string;
            /** @description Calls made with it after its grace period (counted at most once a minute) */
            reuseCount: number;
            /** Format: date-time */
            lastReusedAt: string | null;
            lastReusedIp: string | null;
        };
        RecentIpView: {
            /** @example 203.0.113.7 */
            ip: string;
            /** Format: date-time */
            lastUsedAt: string;
        };
        ApiTokenDetailView: {
            /** @description The application the token is for (fixed for its life) */
            application: components["schemas"]["TokenApplicationView"];
            /** Format: uuid */
            id: string;
            /** @example CI deploy */
            name: string;
            description: string | null;
            /** @example tsr_Ab12…x9Yz */
            tokenPreview: string;
            /**
             * @description Scopes from the application's catalogue
             * @example [
             *       "account:read"
             *     ]
             */
            scopes: string[];
            /** @enum {string} */
            status: "ACTIVE" | "REVOKED";
            /**
             * @description Derived: deleted > revoked > expired > active
             * @enum {string}
             */
            state: "active" | "expired" | "revoked" | "deleted";
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * @description Who revoked it: owner, admin, idle (the idle-revocation policy) or leaked (found in public; see `leak`)
             * @enum {string|null}
             */
            revokedBy: "owner" | "admin" | "idle" | "leaked" | null;
            /** Format: date-time */
            deletedAt: string | null;
            /** @description Where and when it was found in public: set exactly when revokedBy is leaked */
            leak: components["schemas"]["TokenLeakView"] | null;
            requestLimit: number | null;
            quotaLimit: number | null;
            /** @description Calls per minute */
            rateLimit: number | null;
            /** @description The quota refills at each UTC boundary; null = never */
            quotaRefill: components["schemas"]["QuotaRefillView"] | null;
            /**
             * Format: date-time
             * @description The next refill of the quota
             */
            quotaResetsAt: string | null;
            /** @description IPs and CIDR ranges the token may be used from; empty = anywhere */
            allowedIps: string[];
            requestCount: number;
            quotaUsed: number;
            /**
             * Format: date-time
             * @description The last admitted call (refused calls never move it)
             */
            lastUsedAt: string | null;
            /** @description Client IP of the last admitted call */
            lastUsedIp: string | null;
            /**
             * Format: date-time
             * @description The last call refused with this token
             */
            lastRefusedAt: string | null;
            /**
             * @description The error code of that refusal
             * @example IP_NOT_ALLOWED
             */
            lastRefusedCode: string | null;
            /**
             * Format: date-time
             * @description When the secret was last replaced (rotate or regenerate)
             */
            rotatedAt: string | null;
            /**
             * Format: date-time
             * @description Until when the secret replaced by the last rotation keeps working; in the past once its grace period is over
             */
            graceUntil: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Active and expiring within EXPIRY_NOTICE_DAYS (see GET /policy) */
            expiringSoon: boolean;
            usageSummary: components["schemas"]["UsageSummaryView"];
            /** @description The 20 most recently retired secrets, newest first */
            retiredSecrets: components["schemas"]["RetiredSecretView"][];
            /** @description The 5 most recent distinct client IPs, newest first (written within about a second of use) */
            recentIps: components["schemas"]["RecentIpView"][];
        };
        UpdateApiTokenDto: {
            /** @example CI deploy */
            name?: string;
            description?: string | null;
            /** @description Scopes from the token's application's catalogue */
            scopes?: string[];
            /**
             * Format: date-time
             * @description Must be in the future; null or absent = never expires
             */
            expiresAt?: string | null;
            /** @description Total calls allowed; null = unlimited */
            requestLimit?: number | null;
            /** @description Total cost units allowed; null = unlimited */
            quotaLimit?: number | null;
            /** @description Calls per minute; null = unlimited */
            rateLimit?: number | null;
            /** @description The quota refills: the period of creation grants quotaLimit, every later one `amount`; null = never */
            quotaRefill?: components["schemas"]["QuotaRefillDto"] | null;
            /**
             * @description IPs and CIDR ranges (v4 and v6) the token may be used from; empty = anywhere
             * @example [
             *       "203.0.113.7",
             *       "10.0.0.0/8",
             *       "2001:db8::/32"
             *     ]
             */
            allowedIps?: string[];
        };
        NewExpiryDto: {
            /**
             * Format: date-time
             * @description New expiry for the token (future, at most MAX_TOKEN_LIFETIME_DAYS away; null = no expiry where allowed). Absent: unchanged
             */
            expiresAt?: string | null;
        };
        AuditEventView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "token.created" | "token.updated" | "token.rotated" | "token.revoked" | "token.deleted" | "token.restored" | "token.ip_refused" | "token.rotated_secret_reused" | "application.created" | "application.updated" | "application.deleted" | "service_key.created" | "service_key.revoked" | "token.scopes_removed" | "token.idle_revoked" | "token.leak_revoked" | "service_key.leak_revoked" | "admin.user_disabled" | "admin.user_enabled" | "admin.role_changed" | "admin.token_revoked" | "admin.policy_changed" | "admin.invite_created" | "admin.invite_deleted";
            /** Format: uuid */
            tokenId: string | null;
            /** @description The token's current name (null when it no longer exists) */
            tokenName?: string | null;
            /** @enum {string} */
            actorKind: "session" | "token" | "admin" | "system" | "reporter";
            /** Format: uuid */
            actorTokenId: string | null;
            /** @description Preview of the acting token's current secret */
            actorTokenPreview?: string | null;
            /** @description Preview of the secret the acting token presented for this event (an old secret within a rotation grace period is not the current one); null for other actors and for events recorded before it was kept */
            actorSecretPreview?: string | null;
            /**
             * Format: uuid
             * @description The acting admin (actorKind admin)
             */
            actorUserId: string | null;
            ip: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Per type: name, changed, via, gracePeriodSeconds, tokenPreview */
            details: {
                [key: string]: unknown;
            };
        };
        AuditEventPageView: {
            data: components["schemas"]["AuditEventView"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        TokenPolicyView: {
            /** @example 365 */
            maxTokenLifetimeDays: number;
            /** @example true */
            allowNoExpiry: boolean;
            /** @example 7 */
            expiryNoticeDays: number;
            /** @example 100 */
            maxTokensPerUser: number;
            /**
             * @description Live tokens unused this many days are revoked; null = never
             * @example 90
             */
            idleRevokeDays: number | null;
            /** @enum {string} */
            signupMode: "open" | "invite" | "closed";
            /** @description Whether POST /v1/tokens/verify answers about tokens of the tessera application without a service key */
            openVerifyForTesseraTokens: boolean;
        };
        ExpiryNoticeView: {
            /**
             * Format: uuid
             * @description Also the X-Tessera-Delivery header and the event id
             */
            id: string;
            /** @enum {string} */
            status: "PENDING" | "DELIVERED" | "FAILED" | "CANCELLED";
            attempts: number;
            /** @description HTTP status of the last answer */
            lastStatus: number | null;
            lastError: string | null;
            /**
             * Format: date-time
             * @description When a PENDING notice is tried next
             */
            nextAttemptAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            tokenId: string;
            tokenName: string;
            /** @example tsr_Ab3d…9xYz */
            tokenPreview: string;
            /**
             * @description The webhook event: token.expiring, or an owner event such as token.leaked
             * @example token.expiring
             */
            event: string;
            /**
             * Format: date-time
             * @description For token.expiring; null for other events
             */
            expiresAt: string | null;
        };
        ServiceKeyNoticeView: {
            /**
             * Format: uuid
             * @description Also the X-Tessera-Delivery header and the event id
             */
            id: string;
            /** @enum {string} */
            status: "PENDING" | "DELIVERED" | "FAILED" | "CANCELLED";
            attempts: number;
            /** @description HTTP status of the last answer */
            lastStatus: number | null;
            lastError: string | null;
            /**
             * Format: date-time
             * @description When a PENDING notice is tried next
             */
            nextAttemptAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            serviceKeyId: string;
            /** @example ci runner */
            serviceKeyName: string;
            /** @example tsk_Ab12…x9Yz */
            keyPreview: string;
            /** @example Deploy API */
            applicationName: string;
            /**
             * @description The webhook event
             * @example service_key.leaked
             */
            event: string;
        };
        ExpiryWebhookView: {
            /** @example https://hooks.example.com/tessera */
            url: string;
            /**
             * @description HMAC-SHA256 key of X-Tessera-Signature
             * @example whsec_3q2x…
             */
            secret: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The 10 most recent notices about the user's tokens, newest first */
            recentNotices: components["schemas"]["ExpiryNoticeView"][];
            /** @description The 10 most recent notices about service keys (service_key.leaked, sent to administrators), newest first; empty for most users */
            recentServiceKeyNotices: components["schemas"]["ServiceKeyNoticeView"][];
        };
        SaveExpiryWebhookDto: {
            /**
             * @description http:// or https:// URL that receives the signed notices. Loopback and private addresses are refused unless the operator allows them.
             * @example https://hooks.example.com/tessera
             */
            url: string;
        };
        WebhookTestResultView: {
            /** @description The receiver answered 2xx */
            ok: boolean;
            status: number | null;
            error: string | null;
        };
        VerifyTokenDto: {
            /**
             * @description The personal access token to check
             * @example tsr_…
             */
            token: string;
            /**
             * @description Scopes the caller needs, from the catalogue of the service key's application (without a key: Tessera's own); granted by the token's scopes and what they imply
             * @example [
             *       "deploy:write"
             *     ]
             */
            scopes?: string[];
            /**
             * @description The address of the client that presented the token to you. A token with an IP allowlist is checked against it, and is IP_NOT_ALLOWED when it is missing; failed guesses (unknown well-formed tokens) are counted per this client (TOKEN_FAILURES_PER_IP), else per your service's own address
             * @example 203.0.113.7
             */
            ip?: string;
            /** @description Cost units to charge when valid. Default: 1. */
            cost?: number;
        };
        VerifyApplicationView: {
            /** Format: uuid */
            id: string;
            /** @example deploy-api */
            slug: string;
        };
        VerifyOwnerView: {
            /** Format: uuid */
            id: string;
            username: string;
        };
        RemainingView: {
            /** @description Calls left under requestLimit; null = no limit */
            requests: number | null;
            /** @description Cost units left under quotaLimit; null = no limit */
            quota: number | null;
        };
        RateLimitView: {
            limit: number;
            remaining: number;
            /**
             * Format: date-time
             * @description When every call now in the 60 s window has left it
             */
            reset: string;
        };
        VerifyResultView: {
            valid: boolean;
            /** @enum {string} */
            code: "VALID" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "TOKEN_REVOKED" | "TOKEN_DELETED" | "TOKEN_ROTATED" | "USER_DISABLED" | "IP_NOT_ALLOWED" | "INSUFFICIENT_SCOPE" | "REQUEST_LIMIT_EXCEEDED" | "QUOTA_EXCEEDED" | "RATE_LIMITED";
            /** Format: uuid */
            tokenId: string | null;
            /** Format: uuid */
            userId: string | null;
            /** @description The token's scopes, as given (implications not expanded) */
            scopes: string[];
            /** @description The application of the token (that of the service key); null when the token is unknown */
            application: components["schemas"]["VerifyApplicationView"] | null;
            owner: components["schemas"]["VerifyOwnerView"] | null;
            /** @description The token's name */
            name: string | null;
            /**
             * Format: date-time
             * @description When a refilling quota is next refilled (also X-Quota-Reset, epoch seconds); null when it does not refill
             */
            quotaResetsAt: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            remaining: components["schemas"]["RemainingView"];
            rateLimit: components["schemas"]["RateLimitView"] | null;
        };
        CatalogueScopeView: {
            /** @example deploy:write */
            scope: string;
            /** @example Start deployments */
            description: string;
            /** @example 发起部署 */
            descriptionZh: string | null;
            /**
             * @example [
             *       "deploy:read"
             *     ]
             */
            implies: string[];
        };
        ApplicationView: {
            /** Format: uuid */
            id: string;
            /** @example deploy-api */
            slug: string;
            /** @example Deploy API */
            name: string;
            description: string | null;
            /** @description The built-in tessera application (Tessera's own API): cannot be edited or deleted */
            builtIn: boolean;
            scopes: components["schemas"]["CatalogueScopeView"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CatalogueScopeDto: {
            /** @example deploy:write */
            scope: string;
            /** @example Start deployments */
            description: string;
            /** @example 发起部署 */
            descriptionZh?: string | null;
            /**
             * @description Other scopes of this application that this one grants
             * @example [
             *       "deploy:read"
             *     ]
             */
            implies?: string[];
        };
        CreateApplicationDto: {
            /** @example Deploy API */
            name: string;
            /**
             * @description Unique; fixed once created
             * @example deploy-api
             */
            slug: string;
            description?: string | null;
            /**
             * @example [
             *       {
             *         "scope": "deploy:read",
             *         "description": "List deployments"
             *       },
             *       {
             *         "scope": "deploy:write",
             *         "description": "Start deployments",
             *         "implies": [
             *           "deploy:read"
             *         ]
             *       }
             *     ]
             */
            scopes: components["schemas"]["CatalogueScopeDto"][];
        };
        UpdateApplicationDto: {
            name?: string;
            description?: string | null;
            /**
             * @example [
             *       {
             *         "scope": "deploy:read",
             *         "description": "List deployments"
             *       },
             *       {
             *         "scope": "deploy:write",
             *         "description": "Start deployments",
             *         "implies": [
             *           "deploy:read"
             *         ]
             *       }
             *     ]
             */
            scopes?: components["schemas"]["CatalogueScopeDto"][];
        };
        CreateServiceKeyDto: {
            /** @example deploy-api production */
            name: string;
        };
        RevealedServiceKeyView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            applicationId: string;
            name: string;
            /** @example tsk_Ab12…x9Yz */
            keyPreview: string;
            /** @enum {string} */
            state: "active" | "revoked";
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * @description Who revoked it: admin, application (its application was deleted) or leaked (found in public; see `leak`)
             * @enum {string|null}
             */
            revokedBy: "admin" | "application" | "leaked" | null;
            /** @description Where and when it was found in public: set exactly when revokedBy is leaked (dismissedAt: an admin dismissed the Administration banner) */
            leak: components["schemas"]["TokenLeakView"] | null;
            /**
             * Format: date-time
             * @description Updated at most once a minute
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description The service key: shown this once, never again
             * @example tsk_…
             */
            key?: string;
        };
        ServiceKeyView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            applicationId: string;
            name: string;
            /** @example tsk_Ab12…x9Yz */
            keyPreview: string;
            /** @enum {string} */
            state: "active" | "revoked";
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * @description Who revoked it: admin, application (its application was deleted) or leaked (found in public; see `leak`)
             * @enum {string|null}
             */
            revokedBy: "admin" | "application" | "leaked" | null;
            /** @description Where and when it was found in public: set exactly when revokedBy is leaked (dismissedAt: an admin dismissed the Administration banner) */
            leak: components["schemas"]["TokenLeakView"] | null;
            /**
             * Format: date-time
             * @description Updated at most once a minute
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        PublicCatalogueScopeView: {
            /** @example deploy:write */
            scope: string;
            /** @description In the caller's language (Accept-Language zh…: the Chinese text when the application gives one) */
            description: string;
            implies: string[];
        };
        PublicApplicationView: {
            /** Format: uuid */
            id: string;
            slug: string;
            name: string;
            description: string | null;
            builtIn: boolean;
            scopes: components["schemas"]["PublicCatalogueScopeView"][];
        };
        CreateInviteDto: {
            /**
             * @description Only this email may register with the code
             * @example ada@example.com
             */
            email?: string;
            /** @example 7 */
            expiresInDays: number;
        };
        CreatedInviteView: {
            /** Format: uuid */
            id: string;
            /** @example inv_AbCd…wxyz */
            codePreview: string;
            email: string | null;
            /** @enum {string} */
            state: "pending" | "used" | "expired";
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            usedAt: string | null;
            /** Format: uuid */
            usedByUserId: string | null;
            /** Format: uuid */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** @description The code, shown only in this answer */
            code: string;
            /**
             * @description The panel sign-up page with the code filled in
             * @example /register?invite=inv_…
             */
            url: string;
        };
        InviteView: {
            /** Format: uuid */
            id: string;
            /** @example inv_AbCd…wxyz */
            codePreview: string;
            email: string | null;
            /** @enum {string} */
            state: "pending" | "used" | "expired";
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            usedAt: string | null;
            /** Format: uuid */
            usedByUserId: string | null;
            /** Format: uuid */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        InvitePageView: {
            data: components["schemas"]["InviteView"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        AdminUserView: {
            /** Format: uuid */
            id: string;
            username: string;
            email: string;
            /** @enum {string} */
            role: "admin" | "member";
            /** @enum {string} */
            status: "active" | "disabled";
            /** Format: date-time */
            disabledAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastSignInAt: string | null;
            /**
             * Format: date-time
             * @description Latest sign-in or token use
             */
            lastActivityAt: string | null;
            /** @description Tokens not deleted */
            tokenCount: number;
            /** @description Tokens that work now (not revoked, deleted or expired) */
            activeTokenCount: number;
        };
        AdminUserPageView: {
            data: components["schemas"]["AdminUserView"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        UpdateUserDto: {
            /** @enum {string} */
            role?: "admin" | "member";
            /** @description true stops every session and token of the user at once; false lets the tokens that are otherwise valid work again */
            disabled?: boolean;
        };
        TokenOwnerView: {
            /** Format: uuid */
            id: string;
            username: string;
            email: string;
        };
        AdminApiTokenView: {
            /** @description The application the token is for (fixed for its life) */
            application: components["schemas"]["TokenApplicationView"];
            /** Format: uuid */
            id: string;
            /** @example CI deploy */
            name: string;
            description: string | null;
            /** @example tsr_Ab12…x9Yz */
            tokenPreview: string;
            /**
             * @description Scopes from the application's catalogue
             * @example [
             *       "account:read"
             *     ]
             */
            scopes: string[];
            /** @enum {string} */
            status: "ACTIVE" | "REVOKED";
            /**
             * @description Derived: deleted > revoked > expired > active
             * @enum {string}
             */
            state: "active" | "expired" | "revoked" | "deleted";
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * @description Who revoked it: owner, admin, idle (the idle-revocation policy) or leaked (found in public; see `leak`)
             * @enum {string|null}
             */
            revokedBy: "owner" | "admin" | "idle" | "leaked" | null;
            /** Format: date-time */
            deletedAt: string | null;
            /** @description Where and when it was found in public: set exactly when revokedBy is leaked */
            leak: components["schemas"]["TokenLeakView"] | null;
            requestLimit: number | null;
            quotaLimit: number | null;
            /** @description Calls per minute */
            rateLimit: number | null;
            /** @description The quota refills at each UTC boundary; null = never */
            quotaRefill: components["schemas"]["QuotaRefillView"] | null;
            /**
             * Format: date-time
             * @description The next refill of the quota
             */
            quotaResetsAt: string | null;
            /** @description IPs and CIDR ranges the token may be used from; empty = anywhere */
            allowedIps: string[];
            requestCount: number;
            quotaUsed: number;
            /**
             * Format: date-time
             * @description The last admitted call (refused calls never move it)
             */
            lastUsedAt: string | null;
            /** @description Client IP of the last admitted call */
            lastUsedIp: string | null;
            /**
             * Format: date-time
             * @description The last call refused with this token
             */
            lastRefusedAt: string | null;
            /**
             * @description The error code of that refusal
             * @example IP_NOT_ALLOWED
             */
            lastRefusedCode: string | null;
            /**
             * Format: date-time
             * @description When the secret was last replaced (rotate or regenerate)
             */
            rotatedAt: string | null;
            /**
             * Format: date-time
             * @description Until when the secret replaced by the last rotation keeps working; in the past once its grace period is over
             */
            graceUntil: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Active and expiring within EXPIRY_NOTICE_DAYS (see GET /policy) */
            expiringSoon: boolean;
            owner: components["schemas"]["TokenOwnerView"];
        };
        AdminApiTokenPageView: {
            data: components["schemas"]["AdminApiTokenView"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        BulkRevokeDto: {
            /**
             * @example [
             *       "3f6c1a52-8d0e-4b7a-9c21-5e4f0a9b7d13"
             *     ]
             */
            ids: string[];
        };
        BulkRevokeView: {
            /** @description Tokens revoked by this call */
            revoked: number;
            /** @description Tokens that were revoked already (left as they were) */
            alreadyRevoked: number;
            data: components["schemas"]["AdminApiTokenView"][];
        };
        AdminPolicyView: {
            maxTokenLifetimeDays: number;
            allowNoExpiry: boolean;
            maxTokensPerUser: number;
            expiryNoticeDays: number;
            idleRevokeDays: number | null;
            /** @enum {string} */
            signupMode: "open" | "invite" | "closed";
            /** @description Whether verify answers about tokens of the tessera application without a service key */
            openVerifyForTesseraTokens: boolean;
        };
        PolicyDto: {
            /** @example 365 */
            maxTokenLifetimeDays: number;
            /** @example true */
            allowNoExpiry: boolean;
            /** @example 100 */
            maxTokensPerUser: number;
            /** @example 7 */
            expiryNoticeDays: number;
            /**
             * @description null or absent: never revoke idle tokens
             * @example 90
             */
            idleRevokeDays?: number | null;
            /** @enum {string} */
            signupMode: "open" | "invite" | "closed";
            /** @description Whether verify answers about tokens of the tessera application without a service key; absent = unchanged */
            openVerifyForTesseraTokens?: boolean;
        };
        AdminAuditEventView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "token.created" | "token.updated" | "token.rotated" | "token.revoked" | "token.deleted" | "token.restored" | "token.ip_refused" | "token.rotated_secret_reused" | "application.created" | "application.updated" | "application.deleted" | "service_key.created" | "service_key.revoked" | "token.scopes_removed" | "token.idle_revoked" | "token.leak_revoked" | "service_key.leak_revoked" | "admin.user_disabled" | "admin.user_enabled" | "admin.role_changed" | "admin.token_revoked" | "admin.policy_changed" | "admin.invite_created" | "admin.invite_deleted";
            /** Format: uuid */
            tokenId: string | null;
            /** @description The token's current name (null when it no longer exists) */
            tokenName?: string | null;
            /** @enum {string} */
            actorKind: "session" | "token" | "admin" | "system" | "reporter";
            /** Format: uuid */
            actorTokenId: string | null;
            /** @description Preview of the acting token's current secret */
            actorTokenPreview?: string | null;
            /** @description Preview of the secret the acting token presented for this event (an old secret within a rotation grace period is not the current one); null for other actors and for events recorded before it was kept */
            actorSecretPreview?: string | null;
            /**
             * Format: uuid
             * @description The acting admin (actorKind admin)
             */
            actorUserId: string | null;
            ip: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Per type: name, changed, via, gracePeriodSeconds, tokenPreview */
            details: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description The account the event is about
             */
            userId: string;
            username: string | null;
            /** @description The acting admin */
            actorUsername: string | null;
        };
        AdminAuditEventPageView: {
            data: components["schemas"]["AdminAuditEventView"][];
            total: number;
            page: number;
            limit: number;
            totalPages: number;
        };
        UsageDayView: {
            /** @example 2026-12-01 */
            day: string;
            requests: number;
            succeeded: number;
            failed: number;
            cost: number;
        };
        TopTokenView: {
            /** Format: uuid */
            tokenId: string;
            name: string;
            tokenPreview: string;
            owner: components["schemas"]["TokenOwnerView"];
            requests: number;
        };
        TopUserView: {
            /** Format: uuid */
            userId: string;
            username: string;
            requests: number;
        };
        AdminUsageView: {
            days: number;
            /** @description One entry per day, oldest first, zero-filled */
            series: components["schemas"]["UsageDayView"][];
            /** @description Sums over the period (day = the first day) */
            totals: components["schemas"]["UsageDayView"];
            topTokens: components["schemas"]["TopTokenView"][];
            topUsers: components["schemas"]["TopUserView"][];
        };
        ReportLeakDto: {
            /**
             * @description Tokens (`tsr_…`) and service keys (`tsk_…`) found in public
             * @example [
             *       "tsr_…"
             *     ]
             */
            tokens: string[];
            /**
             * @description Where they were found, in words (shown to the owner)
             * @example public gist
             */
            source?: string;
            /**
             * @description An http(s) link to where they were found (shown to the owner)
             * @example https://gist.github.com/octo/1234
             */
            url?: string;
        };
        LeakReportReceivedView: {
            /** @description How many entries the report held; says nothing about which were tokens */
            received: number;
        };
        SecretScanningFeedbackView: {
            /** @description Hex SHA-256 of the reported token */
            token_hash: string;
            /**
             * @description The `type` GitHub sent for the match: `tessera_personal_access_token` or `tessera_service_key` as registered
             * @example tessera_personal_access_token
             */
            token_type: string;
            /**
             * @description true_positive: the value is a secret this server issued
             * @enum {string}
             */
            label: "true_positive" | "false_positive";
        };
        UndismissedLeakView: {
            /** Format: uuid */
            tokenId: string;
            tokenName: string;
            /** @example tsr_Ab12…x9Yz */
            tokenPreview: string;
            source: string | null;
            url: string | null;
            /** Format: date-time */
            reportedAt: string;
        };
        UndismissedServiceKeyLeakView: {
            /** Format: uuid */
            serviceKeyId: string;
            name: string;
            /** @example tsk_Ab12…x9Yz */
            keyPreview: string;
            application: components["schemas"]["TokenApplicationView"];
            source: string | null;
            url: string | null;
            /** Format: date-time */
            reportedAt: string;
        };
        /** @description The one error shape of every answer with status >= 400 */
        ErrorBody: {
            /** @example 400 */
            statusCode: number;
            /** @example Bad Request */
            error: string;
            /**
             * @description Stable machine word; see contract/error-codes.ts
             * @enum {string}
             */
            code: "VALIDATION_FAILED" | "MALFORMED_JSON" | "PAYLOAD_TOO_LARGE" | "UNAUTHENTICATED" | "SESSION_EXPIRED" | "INVALID_CREDENTIALS" | "CURRENT_PASSWORD_INVALID" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "TOKEN_REVOKED" | "TOKEN_DELETED" | "TOKEN_ROTATED" | "INSUFFICIENT_SCOPE" | "TOKEN_REQUIRED" | "SESSION_REQUIRED" | "IP_NOT_ALLOWED" | "REQUEST_LIMIT_EXCEEDED" | "QUOTA_EXCEEDED" | "RATE_LIMITED" | "TOKEN_LIMIT_REACHED" | "NOT_FOUND" | "CONFLICT" | "INVALID_STATE" | "DATABASE_UNAVAILABLE" | "LIMITER_UNAVAILABLE" | "SERVICE_KEY_REQUIRED" | "SERVICE_KEY_INVALID" | "SCOPE_IN_USE" | "APPLICATION_BUILT_IN" | "USER_DISABLED" | "ADMIN_REQUIRED" | "LAST_ADMIN" | "CANNOT_CHANGE_SELF" | "INVITE_REQUIRED" | "INVITE_INVALID" | "SIGNUP_CLOSED" | "SIGNATURE_INVALID" | "INTERNAL_ERROR";
            /** @description English, for people; clients match on `code` */
            message: string;
            /** @description On VALIDATION_FAILED and CONFLICT: one entry per offending field; on SCOPE_IN_USE: one entry with the count of live tokens */
            details?: {
                /** @example scopes.0 */
                field: string;
                /** @example isIn */
                constraint: string;
                message: string;
                /** @description On SCOPE_IN_USE: how many live tokens hold the scopes (or belong to the application) */
                count?: number;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not ready: the database does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
        };
    };
    registerUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: SIGNUP_CLOSED, INVITE_REQUIRED, INVITE_INVALID */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description CONFLICT: username or email taken (details names the field). Codes: CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description RATE_LIMITED, with Retry-After (REGISTRATIONS_PER_IP_PER_HOUR per client IP). Codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description INVALID_CREDENTIALS; USER_DISABLED when an admin disabled the account. Codes: INVALID_CREDENTIALS, USER_DISABLED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description RATE_LIMITED, with Retry-After (per IP and per account). Codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getWhoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhoAmIView"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED, RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, INSUFFICIENT_SCOPE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED, RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateProfileDto"];
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: CURRENT_PASSWORD_INVALID, IP_NOT_ALLOWED, INSUFFICIENT_SCOPE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: RATE_LIMITED, REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getApiTokenStats: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenStatsView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, INSUFFICIENT_SCOPE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED, RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getApiTokenUsage: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenUsageView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, INSUFFICIENT_SCOPE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED, RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSelfApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SelfApiTokenView"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, TOKEN_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED, RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rotateSelfApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateApiTokenDto"];
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealedApiTokenView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, INSUFFICIENT_SCOPE, TOKEN_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED, RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listApiTokens: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                /** @description Matches name or description, case-insensitive, or any scope whose name contains it (e.g. "tokens:" or "write") */
                search?: string;
                /** @description Absent: every token that is not deleted */
                status?: "active" | "expired" | "revoked" | "deleted";
                /** @description Only tokens of this application */
                applicationId?: string;
                /** @description Only active tokens that expire within this many days from now (the panel's "expiring soon" banner uses EXPIRY_NOTICE_DAYS) */
                expiringWithinDays?: number;
                sort?: "createdAt" | "name" | "expiresAt" | "lastUsedAt" | "requestCount";
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenPageView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, INSUFFICIENT_SCOPE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED, RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealedApiTokenView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description TOKEN_LIMIT_REACHED. Codes: TOKEN_LIMIT_REACHED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenDetailView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, INSUFFICIENT_SCOPE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED, RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateApiTokenDto"];
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INVALID_STATE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revokeApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, INSUFFICIENT_SCOPE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED, RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rotateApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateApiTokenDto"];
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealedApiTokenView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description INVALID_STATE: revoked or deleted. Codes: INVALID_STATE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    regenerateApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["NewExpiryDto"];
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealedApiTokenView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INVALID_STATE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    restoreApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INVALID_STATE, TOKEN_LIMIT_REACHED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                /** @description Only the events of this token */
                tokenId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPageView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, INSUFFICIENT_SCOPE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED, RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPolicyView"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getExpiryWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpiryWebhookView"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No webhook is set (NOT_FOUND). Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    saveExpiryWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveExpiryWebhookDto"];
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpiryWebhookView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No webhook is set (NOT_FOUND). Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteExpiryWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No webhook is set (NOT_FOUND). Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rotateExpiryWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpiryWebhookView"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No webhook is set (NOT_FOUND). Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    testExpiryWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestResultView"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No webhook is set (NOT_FOUND). Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    verifyToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyTokenDto"];
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyResultView"];
                };
            };
            /** @description VALIDATION_FAILED or MALFORMED_JSON. Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: SERVICE_KEY_REQUIRED, SERVICE_KEY_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description LIMITER_UNAVAILABLE (Redis down, token has limits). Codes: DATABASE_UNAVAILABLE, LIMITER_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAdminApplications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationView"][];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createApplication: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApplicationDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteApplication: {
        parameters: {
            query?: {
                /** @description Go ahead although live tokens hold what is removed (they lose it; audited) */
                force?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: SCOPE_IN_USE, APPLICATION_BUILT_IN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateApplication: {
        parameters: {
            query?: {
                /** @description Go ahead although live tokens hold what is removed (they lose it; audited) */
                force?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateApplicationDto"];
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: SCOPE_IN_USE, APPLICATION_BUILT_IN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listServiceKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceKeyView"][];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createServiceKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateServiceKeyDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealedServiceKeyView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revokeServiceKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceKeyView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listApplications: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh… for the Chinese scope descriptions */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicApplicationView"][];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, INSUFFICIENT_SCOPE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED, RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listInvites: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitePageView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createInvite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInviteDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedInviteView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAdminUsers: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                /** @description Matches username or email, case-insensitive */
                search?: string;
                role?: "admin" | "member";
                status?: "active" | "disabled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserPageView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateAdminUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: CANNOT_CHANGE_SELF, LAST_ADMIN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAdminApiTokens: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                /** @description Matches the token's name, preview, or its owner's username or email */
                search?: string;
                /** @description Absent: every token that is not deleted */
                state?: "active" | "expired" | "revoked" | "deleted";
                ownerId?: string;
                /** @description Only tokens of this application */
                applicationId?: string;
                /** @description Active tokens unused for N days (or never used and created N days ago) */
                idleDays?: number;
                /** @description Active tokens that expire within N days */
                expiringWithinDays?: number;
                sort?: "createdAt" | "name" | "expiresAt" | "lastUsedAt" | "requestCount";
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminApiTokenPageView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revokeAdminApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkRevokeDto"];
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkRevokeView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revokeAdminApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminApiTokenView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAdminPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminPolicyView"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateAdminPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyDto"];
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminPolicyView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAdminAuditEvents: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                /** @description Events about this account */
                userId?: string;
                /** @description Events done by this admin */
                actorUserId?: string;
                tokenId?: string;
                type?: "token.created" | "token.updated" | "token.rotated" | "token.revoked" | "token.deleted" | "token.restored" | "token.ip_refused" | "token.rotated_secret_reused" | "application.created" | "application.updated" | "application.deleted" | "service_key.created" | "service_key.revoked" | "token.scopes_removed" | "token.idle_revoked" | "token.leak_revoked" | "service_key.leak_revoked" | "admin.user_disabled" | "admin.user_enabled" | "admin.role_changed" | "admin.token_revoked" | "admin.policy_changed" | "admin.invite_created" | "admin.invite_deleted";
                /** @description Only events at or after this time */
                since?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAuditEventPageView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAdminUsage: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUsageView"];
                };
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reportLeakedTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportLeakDto"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeakReportReceivedView"];
                };
            };
            /** @description VALIDATION_FAILED or MALFORMED_JSON. Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description RATE_LIMITED: LEAK_REPORTS_PER_IP_PER_MINUTE reached; see Retry-After. Codes: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reportGithubSecretScanningAlert: {
        parameters: {
            query?: never;
            header: {
                /** @description base64 DER ECDSA P-256 / SHA-256 signature of the raw body */
                "Github-Public-Key-Signature": string;
                "Github-Public-Key-Identifier": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretScanningFeedbackView"][];
                };
            };
            /** @description VALIDATION_FAILED (a signed body that is not an alert). Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description SIGNATURE_INVALID: missing, unknown key or wrong signature. Codes: SIGNATURE_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    verifyTrufflehogMatches: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Detector name -> regex name -> matched values (the detector name is yours: `Tessera` in docs/secret-scanning.md); 1 to 100 values, else 400 */
        requestBody?: {
            content: {
                "application/json": {
                    Tessera?: {
                        /**
                         * @example [
                         *       "tsr_…"
                         *     ]
                         */
                        token?: string[];
                    };
                } & {
                    [key: string]: {
                        [key: string]: string[];
                    };
                };
            };
        };
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        verified?: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED (not the TruffleHog shape). Codes: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description None of the values is a working token or service key: TOKEN_INVALID, TOKEN_REVOKED, TOKEN_EXPIRED, TOKEN_DELETED, TOKEN_ROTATED, USER_DISABLED or SERVICE_KEY_INVALID. Codes: TOKEN_INVALID, TOKEN_REVOKED, TOKEN_EXPIRED, TOKEN_DELETED, TOKEN_ROTATED, USER_DISABLED, SERVICE_KEY_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTokenLeaks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UndismissedLeakView"][];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, INSUFFICIENT_SCOPE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: REQUEST_LIMIT_EXCEEDED, QUOTA_EXCEEDED, RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: LIMITER_UNAVAILABLE, DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    setTokenLeakDismissed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such token of yours, or it never leaked (NOT_FOUND). Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listServiceKeyLeaks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UndismissedServiceKeyLeakView"][];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    setServiceKeyLeakDismissed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Codes: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REVOKED, TOKEN_DELETED, TOKEN_ROTATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: IP_NOT_ALLOWED, ADMIN_REQUIRED, SESSION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such service key, or it never leaked (NOT_FOUND). Codes: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Codes: DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
