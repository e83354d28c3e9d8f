// Brilliant Studio in a real browser (issue 17): station staff receive a piece at intake by typing its
// SKU as a wedge scanner would (the serial and its QR label appear, green), scan the serial at QA to pass
// it, attach an evidence photo, and find it all in the item's history; a wrong serial is a loud refusal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, snap } from './server.js';
import { png } from './png.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// A small PNG: a dark disc (the piece) on a pale background.
function piecePng(size = 200) {
  return png(size, size, (x, y) =>
    ((x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 4) ** 2 ? [150, 110, 40] : [236, 232, 226]));
}

test('intake, QA with an evidence photo, and the item history', async () => {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('이메일').fill('station@brilliant.example');
  await page.getByLabel('비밀번호').fill('brilliant-demo');
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL(/account/);
  await page.goto(`${server.url}/station`);
  await page.getByRole('link', { name: '입고' }).click();
  // A scanner types the SKU and Enter; an unknown one is refused next to the field.
  await page.locator('#sku').fill('NO-SUCH-SKU');
  await page.locator('#weight').fill('3.2');
  await page.locator('#weight').press('Enter');
  await page.locator('.field-error[data-beep="error"]').waitFor();
  await page.locator('#sku').fill('BR-1');
  await page.locator('#weight').fill('3.2');
  await page.locator('#sku').press('Enter');
  await page.locator('#intake-done').waitFor();
  const serial = (await page.locator('#intake-done .serial').textContent()).trim();
  assert.match(serial, /^IT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.equal(await page.locator('#intake-done svg').count(), 1);  // its QR label
  await snap(page, 'station-intake');
  // QA: scan, pass, attach a photo.
  await page.goto(`${server.url}/station/qa`);
  await page.locator('#serial').fill('IT-0000-0000');
  await page.locator('#serial').press('Enter');
  await page.locator('#serial-error').waitFor();
  await page.locator('#serial').fill(serial);
  await page.locator('#serial').press('Enter');
  await page.getByRole('button', { name: '검수 통과' }).click();
  await page.locator('#event-saved').waitFor();
  assert.match(await page.locator('#item-status').textContent(), /검수 통과/);
  const uploaded = page.waitForResponse((r) => r.url().includes('/photos') && r.request().method() === 'POST');
  const reloaded = page.waitForEvent('load');  // the page reloads itself once the upload is in
  await page.locator('#photo-file').setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: piecePng() });
  assert.equal((await uploaded).status(), 201);
  await reloaded;
  await page.goto(`${server.url}/operator/items/${serial}`);
  await page.locator('#item-history img').first().waitFor();
  assert.equal(await page.locator('#item-history > li').count(), 2);
  await snap(page, 'station-history');
  // (the context stays open: the accessibility audit below revisits its pages)
});

test('every page these journeys visited meets WCAG 2.2 AA (axe-core: no serious or critical violation)', async () => {
  assert.deepEqual(await browser.auditAccessibility(), []);
});
