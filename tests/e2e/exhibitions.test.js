// Joint exhibitions in a real browser. A visitor (Korean, desktop) finds the past Hong Kong fair and reads
// its line sheet in Chinese, without wholesale prices; an approved buyer sees them. At the booth (English,
// phone), the demo workshop's owner captures a buyer from a business card's vCard while the hall's network
// is down (Playwright's offline mode): the lead waits on the phone and is sent, once, when the network
// comes back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, snap } from './server.js';
import { login } from './demo.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const fair = 'hong-kong-jewellery-fair';

test('a visitor reads the line sheet in Chinese; a buyer sees wholesale prices (Korean, desktop)', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/exhibitions`);
  await page.locator(`#past a[href="/exhibitions/${fair}"]`).click();
  await page.waitForURL(new RegExp(`/exhibitions/${fair}$`));
  await page.locator('.sheet-langs a[lang="zh"]').click();
  await page.waitForURL(new RegExp(`/zh/exhibitions/${fair}$`));
  const first = page.locator('#sheet-pieces .sheet-piece').first();
  assert.match(await first.locator('h2').textContent(), /[金银铂]/);
  assert.match(await first.textContent(), /\(HK\$[1-9][0-9]{0,2}(,[0-9]{3})*\.[0-9]{2}\)/);
  assert.equal(await page.locator('.sheet-wholesale').count(), 0);
  await snap(page, 'exhibition-sheet-zh');
  await page.goto(`${server.url}/login`);
  await login(page, 'buyer@brilliant.example');
  await page.goto(`${server.url}/zh/exhibitions/${fair}`);
  assert.ok(await page.locator('.sheet-wholesale').count() > 0, 'an approved buyer sees wholesale prices');
  assert.match(await page.locator('.sheet-wholesale').first().textContent(), /批发价/);
  await context.close();
});

test('a lead captured offline at the booth is sent once the network is back (English, phone)', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/en/login`);
  await login(page, 'maker@brilliant.example', /\/en\/account$/);
  await page.goto(`${server.url}/en/exhibitions/${fair}/booth`);
  const before = (await (await page.request.get(`${server.url}/api/v1/exhibitions/${fair}/leads`)).json()).leads.length;

  await context.setOffline(true);
  await page.locator('#card').fill('BEGIN:VCARD\nVERSION:3.0\nFN:Yui Tanaka\nORG:Ginza Jewels\n' +
                                   'EMAIL:yui@ginza.example\nTEL:+81 3 1234 5678\nADR:;;1-2 Ginza;Tokyo;;;JP\nEND:VCARD');
  await page.locator('#card').dispatchEvent('change');
  assert.equal(await page.locator('#lead-name').inputValue(), 'Yui Tanaka');
  assert.equal(await page.locator('#lead-country').inputValue(), 'JP');
  await page.locator('.interests input[type="checkbox"]').first().check();
  await page.locator('#lead-notes').fill('Wants 40 pieces for the spring window');
  await page.locator('#lead-consent').check();
  await page.locator('#save-lead').click();
  await assert.doesNotReject(page.locator('#sync-status[data-count="1"]').waitFor());
  assert.match(await page.locator('#sync-status').textContent(), /offline/);
  await snap(page, 'exhibition-booth-offline-phone-en');

  await context.setOffline(false);
  await assert.doesNotReject(page.locator('#sync-status[data-count="0"]').waitFor({ timeout: 10000 }));
  await assert.doesNotReject(page.locator('#lead-list li', { hasText: 'Yui Tanaka' }).waitFor());
  const after = (await (await page.request.get(`${server.url}/api/v1/exhibitions/${fair}/leads`)).json()).leads;
  assert.equal(after.length, before + 1);
  const lead = after.find((l) => l.name === 'Yui Tanaka');
  assert.equal(lead.company, 'Ginza Jewels');
  assert.equal(lead.interests.length, 1);
  assert.equal(lead.consent, true);
  await snap(page, 'exhibition-booth-synced-phone-en');
  await context.close();
});

test('every page these journeys visited meets WCAG 2.2 AA (axe-core: no serious or critical violation)', async () => {
  const problems = await browser.auditAccessibility();
  assert.deepEqual(problems, [], problems.join('\n'));
});
