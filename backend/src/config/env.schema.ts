import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Secrets that ship in examples and must never guard a production install. */
export const WEAK_JWT_SECRETS = new Set(['secret', 'changeme', 'change-me', 'jwt-secret', 'tessera', 'development']);
export const MIN_JWT_SECRET_LENGTH = 32;

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: optionalString.refine(
      (value) => value === undefined || /^postgres(ql)?:\/\//.test(value),
      'must be a postgres:// or postgresql:// URL',
    ),
    /** Longest wait for a database connection, and for any one query's answer: then 503, never a hang. */
    DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    DATA_DIR: z.string().min(1).default('./data'),
    JWT_SECRET: optionalString,
    JWT_EXPIRES_IN_SECONDS: z.coerce.number().int().min(60).max(30 * 24 * 3600).default(12 * 3600),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /**
     * Request lines: `summary` = errors and refusals one line each, successes counted per route in
     * one line every REQUEST_LOG_SUMMARY_SECONDS; `errors` = only those lines; `all` = a line per request.
     */
    REQUEST_LOG: z.enum(['summary', 'errors', 'all']).default('summary'),
    REQUEST_LOG_SUMMARY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    REDIS_URL: optionalString.refine(
      (value) => value === undefined || /^rediss?:\/\//.test(value),
      'must be a redis:// or rediss:// URL',
    ),
    /** Prepended to every Redis key and channel, so installs (or test runs) can share one Redis. */
    REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'must be 1-64 of A-Z a-z 0-9 : _ . -').default('tessera:'),
    /** Entries in the verification cache (token hash -> state); 0 turns the cache off. */
    TOKEN_CACHE_SIZE: z.coerce.number().int().min(0).max(10_000_000).default(100_000),
    /** Backstop lifetime of a cache entry; every change invalidates at once anyway. */
    TOKEN_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    MAX_TOKENS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(100),
    /** Longest a new or edited token may live, in days (expiresAt at most this far ahead). */
    MAX_TOKEN_LIFETIME_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    /** Whether a token may have no expiry at all. `false` = every token must expire (GitHub-like). */
    ALLOW_NO_EXPIRY: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    /** How many days before its expiry a token counts as "expiring soon" (told to the panel). */
    EXPIRY_NOTICE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    /** Initial runtime policy (later edited by admins in the database): revoke live tokens unused this many days; unset = never. */
    IDLE_REVOKE_DAYS: z.coerce.number().int().min(1).max(3650).optional(),
    /** Initial runtime policy: who may register (`open`, `invite` = with an invite code, `closed`). */
    SIGNUP_MODE: z.enum(['open', 'invite', 'closed']).default('open'),
    /** Initial runtime policy: whether verify answers about tessera tokens without a service key (issue 15). */
    OPEN_VERIFY_FOR_TESSERA_TOKENS: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    /** How often each instance re-reads the runtime policy from the database (a change is seen within this). */
    POLICY_REFRESH_SECONDS: z.coerce.number().min(0.1).max(60).default(2),
    /** How often this instance runs the idle-revocation job; 0 = never (another instance may). */
    IDLE_REVOKE_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(3600),
    /** How often this instance looks for expiry notices to send to users' webhooks; 0 = never. */
    EXPIRY_WEBHOOK_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
    /** First retry delay of a failed notice; each further retry waits twice as long. */
    EXPIRY_WEBHOOK_RETRY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
    /** Attempts per notice before it is marked FAILED. */
    EXPIRY_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    /** Whether webhooks may target loopback, private and link-local addresses (off: no SSRF into your network). */
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(20),
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    /** Database lookups of unknown, well-formed PATs one client IP may cause per window (429 RATE_LIMITED beyond). */
    TOKEN_FAILURES_PER_IP: z.coerce.number().int().min(1).default(60),
    TOKEN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    /** Failed guesses one verify API caller may pass on per window, over every client `ip` it names. */
    TOKEN_FAILURES_PER_SERVICE: z.coerce.number().int().min(1).default(1000),
    /** New accounts one client IP may register per hour (429 RATE_LIMITED beyond). */
    REGISTRATIONS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
    /** Leak reports (POST /tokens/revoke-leaked) one client IP may send per minute (429 RATE_LIMITED beyond). */
    LEAK_REPORTS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
    /** GitHub's secret scanning public keys ({public_keys: [...]}, as GitHub publishes them); unset = partner alerts are refused. */
    SECRET_SCANNING_GITHUB_KEYS_FILE: optionalString,
    SERVE_PANEL: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    PANEL_DIR: optionalString,
    /**
     * Which proxies' X-Forwarded-For to believe: `true`, or their addresses/subnets (`loopback`,
     * `10.0.0.0/8`, comma-separated). A bare hop count (`1`) is refused: it cannot tell the proxy
     * from a client that sends the header itself (Fastify 5.12 ignores it for that reason).
     */
    TRUST_PROXY: optionalString.refine(
      (value) => value === undefined || !/^\d+$/.test(value),
      'must be true, false or the proxy addresses/subnets (e.g. loopback, 10.0.0.0/8), not a hop count',
    ),
    CORS_ORIGINS: optionalString,
    BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb').default('100kb'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (!env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'is required when NODE_ENV=production (use a random value of 32+ characters)',
      });
    } else if (env.JWT_SECRET.length < MIN_JWT_SECRET_LENGTH || WEAK_JWT_SECRETS.has(env.JWT_SECRET.toLowerCase())) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: `is too weak for NODE_ENV=production: use a random value of ${MIN_JWT_SECRET_LENGTH}+ characters`,
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class InvalidConfigError extends Error {}

/** Parses the environment or throws one error naming every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  return fail(`Invalid configuration:\n${lines.join('\n')}`);
}

function fail(message: string): never {
  throw new InvalidConfigError(message);
}
