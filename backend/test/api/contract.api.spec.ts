import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTypes } from '../support/openapi-types';
import { createResponseValidator } from '../support/openapi-validator';
import { startTestApp, type TestApp } from '../support/test-app';

const run = promisify(execFile);
const backend = path.resolve(__dirname, '..', '..');
const contractDir = path.join(backend, 'test', 'contract');
const bin = (name: string) => path.join(backend, 'node_modules', '.bin', name);

/**
 * The contract as an outside developer meets it: a client generated from the document the server
 * serves, a script written against its types that must type-check with `tsc --strict`, run
 * against the real server, with every answer validated against the document.
 */
describe('the served OpenAPI document as a contract', () => {
  let t: TestApp;
  let baseUrl: string;
  let document: Parameters<typeof createResponseValidator>[0];
  let documentFile: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    const response = await fetch(`${baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as typeof document;
    mkdirSync(path.join(contractDir, 'generated'), { recursive: true });
    documentFile = path.join(contractDir, 'generated', 'openapi.json');
    writeFileSync(documentFile, JSON.stringify(document, null, 2));
    writeFileSync(path.join(contractDir, 'generated', 'schema.d.ts'), await generateTypes(document));
  });
  afterAll(() => t.close());

  it('passes @redocly/cli lint with the recommended rules and no errors', async () => {
    const result = await run(bin('redocly'), ['lint', documentFile, '--extends', 'recommended', '--format', 'json'], { cwd: backend, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } }).catch(
      (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
    );
    const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { totals: { errors: number }; problems: { message: string; severity: string; location: { pointer: string }[] }[] };
    const errors = report.problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.location[0]?.pointer}: ${problem.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it('generates a client whose lifecycle script type-checks with tsc --strict', async () => {
    const result = await run(bin('tsc'), ['-p', path.join(contractDir, 'tsconfig.json')], { cwd: backend }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? 'tsc failed' }));
    expect(result.stdout).toBe('');
  }, 120_000);

  it('runs the lifecycle against the real server, every answer valid against the document', async () => {
    const validate = createResponseValidator(document);
    const problems: string[] = [];
    const seen: string[] = [];
    const client = createClient<never>({ baseUrl });
    client.use({
      async onResponse({ request, response, schemaPath }) {
        const text = await response.clone().text();
        const body = text === '' ? undefined : JSON.parse(text);
        seen.push(`${request.method} ${schemaPath} ${response.status}`);
        problems.push(...validate(request.method, schemaPath, response.status, body));
      },
    });
    // Through a variable: the script is type-checked by its own tsconfig against the generated client,
    // which exists only once the test above has generated it.
    const lifecyclePath = '../contract/lifecycle';
    const { runLifecycle } = (await import(lifecyclePath)) as { runLifecycle: (client: never, suffix: string) => Promise<string[]> };
    const steps = await runLifecycle(client as never, randomBytes(4).toString('hex'));
    expect(steps).toEqual(['register', 'login', 'create', 'list', 'show', 'edit', 'rotate', 'verify', 'revoke', 'delete', 'restore', 'errors', 'stats', 'usage']);
    expect(problems).toEqual([]);
    expect(seen.length).toBeGreaterThan(20);
  }, 120_000);
});
