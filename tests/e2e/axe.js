// axe-core in the browser tests: every page a journey visits is checked against WCAG 2.2 AA, and a
// serious or critical violation fails the test with the rule, the elements and axe's own advice.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  return result.violations;
}

export function describeViolations(url, violations) {
  return violations.map((v) => `${url}: [${v.impact}] ${v.id}: ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n')).join('\n');
}

// Fails on serious or critical violations of the page as it is now.
export async function assertAccessible(page) {
  const bad = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) throw new Error(`accessibility violations:\n${describeViolations(page.url(), bad)}`);
}
