import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Env, parseEnv } from './env.schema';

/** Configuration resolved once at start: the validated env plus the derived values. */
export interface AppConfig extends Env {
  jwtSecret: string;
  dataDir: string;
  /** Where log lines go (default stdout); tests pass a stream to read what the server logs. */
  logDestination?: NodeJS.WritableStream;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Validates the environment and resolves the JWT secret. Outside production a missing secret is
 * generated once and kept in DATA_DIR, so sessions survive restarts without any setup.
 */
export async function loadAppConfig(source: NodeJS.ProcessEnv = process.env): Promise<AppConfig> {
  const env = parseEnv(source);
  const dataDir = path.resolve(env.DATA_DIR);
  const jwtSecret = env.JWT_SECRET ?? (await readOrCreateSecret(dataDir));
  return { ...env, dataDir, jwtSecret };
}

async function readOrCreateSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'jwt-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
