import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Before any browser test: a Chromium, installed from Debian when missing and allowed (scripts/ensure-chromium.sh). */
export default function provisionChromium(): void {
  try {
    execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'ensure-chromium.sh')], { stdio: 'inherit' });
  } catch {
    // The script printed what is wrong and the command that fixes it.
    throw new Error('No Chromium for the browser tests (see the message above for the one command to run)');
  }
}
