import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirInUseError } from './data-dir-lock';

describe('DATA_DIR lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tessera-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const lockFile = () => path.join(dir, 'tessera.lock');

  it('writes this process id, and removes the file on release', async () => {
    const lock = await acquireDataDirLock(dir);
    expect((await readFile(lockFile(), 'utf8')).trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('refuses a second holder in the same process until the first releases', async () => {
    const lock = await acquireDataDirLock(dir);
    await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    lock.release();
    (await acquireDataDirLock(dir)).release();
  });

  it('refuses while another live node process holds it, naming its pid', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await writeFile(lockFile(), `${other.pid}\n`);
      await expect(acquireDataDirLock(dir)).rejects.toThrow(new RegExp(`already used by another Tessera server \\(pid ${other.pid}\\)`));
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a lock whose process is gone (killed, power loss)', async () => {
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.once('exit', resolve));
    await writeFile(lockFile(), `${gone.pid}\n`);
    const lock = await acquireDataDirLock(dir);
    expect((await readFile(lockFile(), 'utf8')).trim()).toBe(String(process.pid));
    lock.release();
  });
});
