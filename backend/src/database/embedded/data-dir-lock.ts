import { readFileSync, unlinkSync } from 'node:fs';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Raised when DATA_DIR is already served by another live Tessera process. */
export class DataDirInUseError extends Error {}

export interface DataDirLock {
  release(): void;
}

/** Lock files held by this process, so a second server in the same process is refused too. */
const heldHere = new Set<string>();

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `DATA_DIR/tessera.lock` holds the pid of the one Tessera process that owns the embedded
 * cluster. A lock whose pid is dead (SIGKILL, power loss) is stale and taken over; a live one
 * makes the second server stop with a clear message instead of starting a second postmaster
 * against the same files. Created with O_EXCL, so two servers starting at once cannot both win.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const file = path.join(dataDir, 'tessera.lock');
  if (heldHere.has(file)) throw inUse(dataDir, process.pid);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
    }
    const holder = Number.parseInt((await readFile(file, 'utf8').catch(() => '')).trim(), 10);
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder) && (await looksLikeNode(holder))) {
      throw inUse(dataDir, holder);
    }
    // Stale: its process is gone (or the pid now belongs to something that is not Tessera).
    await unlink(file).catch(() => undefined);
  }
  heldHere.add(file);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      heldHere.delete(file);
      try {
        if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
      } catch {
        // already gone
      }
    },
  };
}

function inUse(dataDir: string, pid: number): DataDirInUseError {
  return new DataDirInUseError(
    `DATA_DIR ${dataDir} is already used by another Tessera server (pid ${pid}). ` +
      'Stop that server first, or give this one its own DATA_DIR (or a DATABASE_URL).',
  );
}

/** A recycled pid (after a reboot) that is not a node process does not hold the lock. */
async function looksLikeNode(pid: number): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return /node|tessera|main\.js/i.test(cmdline);
  } catch {
    // No /proc (macOS) or not readable: trust the pid.
    return true;
  }
}
