// A vitest reporter for `pnpm test` (scripts/test.mjs): writes what failed in this package to
// .vitest/failures.json: failed tests, test files that could not run, and errors thrown outside
// any test (vitest fails the run for those even when every test passed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export default class FailuresReporter {
  onInit(vitest) {
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules, unhandledErrors, reason) {
    const failures = [];
    let passed = 0;
    for (const testModule of testModules) {
      const file = relative(this.root, testModule.moduleId);
      const moduleErrors = testModule.errors();
      if (moduleErrors.length > 0) failures.push({ where: file, errors: moduleErrors.map(describe) });
      for (const test of testModule.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed += 1;
        if (result.state === 'failed') failures.push({ where: `${file} > ${test.fullName}`, errors: (result.errors ?? []).map(describe) });
      }
    }
    for (const error of unhandledErrors) failures.push({ where: 'outside any test (an unhandled error)', errors: [describe(error)] });
    mkdirSync(join(this.root, '.vitest'), { recursive: true });
    writeFileSync(join(this.root, '.vitest', 'failures.json'), JSON.stringify({ reason, passed, failures }, null, 2));
  }
}

function describe(error) {
  const stack = error.stack || `${error.name ?? 'Error'}: ${error.message ?? String(error)}`;
  return error.diff ? `${stack}\n${error.diff}` : stack;
}
