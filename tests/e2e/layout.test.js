// Every storefront page on a phone (390x844) and a desktop (1440x900): nothing scrolls sideways, nothing
// jumps after the first paint (cumulative layout shift under 0.1), the phone header leaves the page room,
// and axe-core finds no serious or critical WCAG 2.2 AA violation. (The console's and the operator's pages:
// layout_console.test.js, so each file runs well inside CTest's time limit.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './server.js';
import { axeViolations, describeViolations } from './axe.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser([], { auditVisits: false }); });
after(async () => { await browser?.close(); await server?.stop(); });

// The pages a shopper meets, found from the store itself (a product and a workshop of the demo data).
async function storefrontPages(page) {
  await page.goto(`${server.url}/shop`);
  const product = await page.locator('.cards .card-link').first().getAttribute('href');
  await page.goto(`${server.url}/workshops`);
  const workshop = await page.locator('.workshop-tile').first().getAttribute('href');
  const pages = ['/', '/shop', '/shop?category=ring', '/search?q=%EB%B0%98%EC%A7%80', '/search?q=%EA%B8%88%EB%B0%98%EC%A7%80',
                 '/search?q=zzqq', product, '/workshops', workshop, '/cart', '/login', '/signup', '/password/forgot', '/join', '/terms', '/privacy'];
  return [...pages, ...pages.filter((p) => p !== '/join').map((p) => `/en${p === '/' ? '/' : p}`)];
}

for (const [device, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1440, height: 900 }]]) {
  test(`storefront pages on a ${device}: no sideways scroll, no layout shift, accessible`, async () => {
    const context = await browser.newContext({ locale: 'ko-KR', viewport, isMobile: device === 'phone' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const problems = [];
    for (const path of await storefrontPages(page)) {
      const response = await page.goto(server.url + path, { waitUntil: 'load' });
      assert.ok(response.status() < 400 || path.includes('zzqq'), `${path}: ${response.status()}`);
      // Fonts and images have arrived at 'load'; a frame later every shift the page makes has been counted.
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const m = await page.evaluate(() => ({
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        shift: window.__shift,
        header: document.querySelector('.site-header').getBoundingClientRect().height,
      }));
      if (m.sideways > 0) problems.push(`${path}: scrolls ${m.sideways}px sideways`);
      if (m.shift >= 0.1) problems.push(`${path}: layout shift ${m.shift.toFixed(3)}`);
      if (device === 'phone' && m.header > 120) problems.push(`${path}: header ${Math.round(m.header)}px tall`);
      const bad = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (bad.length) problems.push(describeViolations(path, bad));
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
