// One check for the pages signed-in accounts see (layout_console.test.js, layout_operator.test.js): each
// account logs in on a phone (390x844) and a desktop (1440x900) and every page of its list answers 200,
// scrolls nowhere sideways, keeps each statistics card's figure inside the card, and has no serious or
// critical axe-core WCAG 2.2 AA violation. Split over two files so each runs well inside CTest's limit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './server.js';
import { axeViolations, describeViolations } from './axe.js';

const devices = [['phone', { width: 390, height: 844 }], ['desktop', { width: 1440, height: 900 }]];

// The problems one account's pages have on one device, as sentences naming the page.
async function accountProblems(browser, url, device, viewport, email, pages) {
  const problems = [];
  const context = await browser.newContext({ locale: 'ko-KR', viewport, isMobile: device === 'phone' });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill('brilliant-demo');
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL(/account|console|audit|station|operator/);
  for (const path of pages) {
    const response = await page.goto(url + path);
    assert.equal(response.status(), 200, path);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (sideways > 0) problems.push(`${path}: scrolls ${sideways}px sideways`);
    const spilled = await page.evaluate(() => [...document.querySelectorAll('.stat')]
      .filter((s) => s.scrollWidth > s.clientWidth + 1).map((s) => s.textContent.trim().replace(/\s+/g, ' ')));
    if (spilled.length) problems.push(`${path}: runs out of its card: ${spilled.join(' | ')}`);
    const bad = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (bad.length) problems.push(describeViolations(path, bad));
  }
  await context.close();
  return problems;
}

// Registers one test per device for `accounts`, a list of [email, [path, ...]].
export function layoutTests(what, accounts) {
  let server;
  let browser;
  before(async () => { server = await startServer(); browser = await launchBrowser([], { auditVisits: false }); });
  after(async () => { await browser?.close(); await server?.stop(); });
  for (const [device, viewport] of devices) {
    test(`${what} on a ${device}: no sideways scroll, accessible`, async () => {
      const problems = [];
      for (const [email, pages] of accounts) {
        problems.push(...await accountProblems(browser, server.url, device, viewport, email, pages));
      }
      assert.deepEqual(problems, []);
    });
  }
}
