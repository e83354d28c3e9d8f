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

  // The studio: the camera folder's files, named {SKU}_{view}_{n}, fill the shoot list; publishing puts
  // the stills on the product and the spin frames into its 360° view, which turns when dragged.
  await page.goto(`${server.url}/station/studio?serial=${serial}`);
  await page.locator('#shoot-list').waitFor();
  const files = ['front', 'side', 'back', 'detail'].map((view, i) => (
    { name: `BR-1_${view}_1.png`, mimeType: 'image/png', buffer: piecePng(200 + 20 * i) }));
  for (let n = 1; n <= 8; n++) {
    files.push({ name: `BR-1_spin_0${n}.png`, mimeType: 'image/png',
                 buffer: png(240, 240, (x, y) => (Math.abs(x - 60 - 15 * n) < 30 && Math.abs(y - 120) < 50 ? [150, 110, 40] : [236, 232, 226])) });
  }
  const folder = page.waitForEvent('load');
  await page.locator('#shot-folder').setInputFiles(files);
  await folder;
  assert.equal(await page.locator('#shoot-list li.is-done[data-view="spin"]').count(), 0);  // 8 of 24
  assert.equal(await page.locator('#shoot-list li.is-done.is-required').count(), 4);
  await snap(page, 'station-studio');
  await page.locator('#publish').click();
  await page.locator('#published').waitFor();
  const slug = await page.evaluate(async (s) => (await (await fetch(`/api/v1/items/${s}`)).json()).product.slug, serial);
  await page.goto(`${server.url}/products/${slug}`);
  const spin = page.locator('[data-spin][role="slider"]');
  await spin.waitFor();
  await spin.locator('img').evaluate((img) => img.decode());
  await spin.scrollIntoViewIfNeeded();
  const box = await spin.boundingBox();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  assert.notEqual(await spin.getAttribute('aria-valuenow'), '0');
  await spin.focus();
  await page.keyboard.press('ArrowRight');
  await snap(page, 'product-360');
  // (the context stays open: the accessibility audit below revisits its pages)
});

test('every page these journeys visited meets WCAG 2.2 AA (axe-core: no serious or critical violation)', async () => {
  assert.deepEqual(await browser.auditAccessibility(), []);
});
