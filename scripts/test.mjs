// `pnpm test`: every package's tests through turbo, one package at a time, then, when something
// failed, the failing tests of all packages again at the very end. Turbo prints each package's
// log as it runs, so a failure in the first package is otherwise thousands of lines above the end
// of the output, where a person (or a CI log that keeps only its tail) looks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Each package's vitest config writes this next to it (reporter scripts/vitest-failures.mjs).
const REPORT = '.vitest/failures.json';
// The workspace's packages that have a vitest config (see pnpm-workspace.yaml): a new one is listed
// without being named here, and one whose config lacks the reporter shows up as "no test report".
const PACKAGES = ['backend', 'frontend', ...['packages', 'examples'].flatMap((parent) => subfolders(parent).map((name) => `${parent}/${name}`))].filter(
  (dir) => readdirSync(join(root, dir)).some((file) => /^vitest\.config\.m?ts$/.test(file)),
);

for (const dir of PACKAGES) rmSync(join(root, dir, REPORT), { force: true });

const run = spawnSync('turbo', ['run', 'test', '--concurrency=1', '--continue', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
const status = run.status ?? 1;
if (status !== 0) printFailures();
process.exit(status);

function printFailures() {
  const lines = ['', '── failing tests ──'];
  for (const dir of PACKAGES) {
    const file = join(root, dir, REPORT);
    if (!existsSync(file)) {
      lines.push(`${dir}: no test report (not run, or its build or setup failed: see its log above)`);
      continue;
    }
    const { reason, passed, failures } = JSON.parse(readFileSync(file, 'utf8'));
    if (failures.length === 0) {
      lines.push(`${dir}: ${passed} passed${reason === 'passed' ? '' : ` (but vitest says ${reason}: see its log above)`}`);
      continue;
    }
    lines.push(`${dir}: ${failures.length} failed, ${passed} passed`);
    for (const failure of failures) {
      lines.push(`  ✗ ${failure.where}`);
      for (const error of failure.errors) lines.push(indent(firstLines(error)));
    }
  }
  console.error(lines.join('\n'));
}

// The assertion and the test's own frames: enough to find it, short enough to keep.
function firstLines(text, count = 16) {
  return String(text ?? '')
    .split('\n')
    .filter((line) => !/^\s+at .*node_modules/.test(line) && !/^\s+at (new Promise|process\.processTicksAndRejections)/.test(line))
    .slice(0, count)
    .join('\n');
}

function subfolders(parent) {
  const dir = join(root, parent);
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}
