// The workshops', the operator's, the auditor's and the studio station's pages on a phone (390x844) and a
// desktop (1440x900), as their demo accounts see them: nothing scrolls sideways, no figure runs out of its
// statistics card, and axe-core finds no serious or critical WCAG 2.2 AA violation. (The storefront's
// pages: layout.test.js.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './server.js';
import { axeViolations, describeViolations } from './axe.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The workshops' and the operator's pages, as their demo accounts see them, on both devices.
for (const [device, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1440, height: 900 }]]) {
  test(`console and operator pages on a ${device}: no sideways scroll, accessible`, async () => {
    const problems = [];
    for (const [email, pages] of [
      ['maker@brilliant.example', ['/console', '/console/products', '/console/products/new', '/console/stock',
        '/console/orders', '/console/settlements', '/console/staff', '/console/profile', '/console/seller', '/console/audit', '/console/import', '/console/live', '/account']],
      ['operator@brilliant.example', ['/operator', '/operator/orders', '/operator/reviews', '/operator/applications',
        '/operator/workshops', '/operator/settlements', '/operator/pricing', '/operator/brand', '/operator/legal', '/operator/audit',
        '/operator/channels', '/operator/marketing', '/operator/deposits', '/operator/buyers', '/operator/certification',
        '/operator/exhibitions', '/operator/live', '/operator/academy', '/operator/marketing/customers',
        '/operator/marketing/campaigns', '/operator/marketing/campaigns/1', '/operator/marketing/coupons']],
      ['auditor@brilliant.example', ['/audit']],
      ['station@brilliant.example', ['/station', '/station/intake', '/station/returns']]]) {
      const context = await browser.newContext({ locale: 'ko-KR', viewport, isMobile: device === 'phone' });
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel('이메일').fill(email);
      await page.getByLabel('비밀번호').fill('brilliant-demo');
      await page.getByRole('button', { name: '로그인' }).click();
      await page.waitForURL(/account|console|audit|station/);
      for (const path of pages) {
        const response = await page.goto(server.url + path);
        assert.equal(response.status(), 200, path);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (sideways > 0) problems.push(`${path}: scrolls ${sideways}px sideways`);
        // A figure in a statistics card stays inside its card.
        const spilled = await page.evaluate(() => [...document.querySelectorAll('.stat')]
          .filter((s) => s.scrollWidth > s.clientWidth + 1).map((s) => s.textContent.trim().replace(/\s+/g, ' ')));
        if (spilled.length) problems.push(`${path}: runs out of its card: ${spilled.join(' | ')}`);
        const bad = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
        if (bad.length) problems.push(describeViolations(path, bad));
      }
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
}
