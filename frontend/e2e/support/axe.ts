import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { animationsSettled } from './browser';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, from the npm package, injected into the page under test. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core (WCAG 2.0-2.2 A/AA rules and best practices) on the page once its animations have settled. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await animationsSettled(page);
  // Evaluated through the DevTools protocol: the panel's CSP (script-src 'self') rightly forbids an inline script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  });
}

/** Only what the bar forbids: serious and critical. */
export function seriousOrCritical(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** One line per violation, readable in a failure message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes.length} node(s), e.g. ${violation.nodes[0]?.target.join(' ')}`)
    .join('\n');
}
