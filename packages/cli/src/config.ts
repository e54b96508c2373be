import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export interface StoredSession {
  url: string;
  session: string;
  email: string;
}

/** `$XDG_CONFIG_HOME/tessera/config.json`, else `~/.config/tessera/config.json`. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || homedir(), '.config');
  return path.join(base, 'tessera', 'config.json');
}

export function readSession(env: NodeJS.ProcessEnv = process.env): StoredSession | null {
  const file = configPath(env);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredSession;
  } catch {
    return null;
  }
}

/** The session holds a credential: the file is the user's alone (0600, in a 0700 directory). */
export function writeSession(session: StoredSession, env: NodeJS.ProcessEnv = process.env): string {
  const file = configPath(env);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(session, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export function removeSession(env: NodeJS.ProcessEnv = process.env): boolean {
  const file = configPath(env);
  if (!existsSync(file)) return false;
  rmSync(file);
  return true;
}
