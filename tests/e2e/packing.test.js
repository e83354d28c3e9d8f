// Packing and returns at the studio in a real browser (issue 17), with Chromium's fake camera showing a
// generated piece: station staff open an order's parcel by its number, scan the piece's serial as a
// wedge scanner types it (a wrong one is a loud refusal), take every shot with the station camera, and
// ship; the shopper sees the packing photos and the order's evidence; the returns station compares the
// piece's new shots with its packing shots and records the decision.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, snap } from './server.js';
import { y4m } from './png.js';

let server;
let browser;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'brilliant-camera-'));
  const video = join(dir, 'piece.y4m');
  // A gold ring on a pale studio background, as the station's webcam sees it.
  writeFileSync(video, y4m(640, 480, (x, y) => {
    const d = Math.hypot(x - 300, y - 250);
    return d < 120 && d > 70 ? [180, 140, 60] : [236, 232, 226];
  }));
  server = await startServer();
  browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
                                 `--use-file-for-fake-video-capture=${video}`]);
});
after(async () => { await browser?.close(); await server?.stop(); rmSync(dir, { recursive: true, force: true }); });

async function login(context, email) {
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill('brilliant-demo');
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

// JSON from the page's own session (its CSRF token from the layout's meta tag).
function api(page, method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const token = document.querySelector('meta[name="csrf-token"]').content;
    const r = await fetch(p, { method: m, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
                               body: b === undefined ? undefined : JSON.stringify(b) });
    return { status: r.status, body: await r.json() };
  }, [method, path, body]);
}

// Takes one shot with the station camera: starts it, presses the shot's button, waits for the reload.
async function shoot(page, inputId) {
  await page.locator('[data-camera-start]').click();
  const button = page.locator(`[data-shoot="${inputId}"]`);
  await button.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-camera-video]').videoWidth > 0);
  const reloaded = page.waitForEvent('load');
  await button.click();
  await reloaded;
}

test('an order packed with the station camera, its evidence, and its return inspected', async () => {
  const station = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const shop = await browser.newContext({ locale: 'ko-KR' });
  const staff = await login(station, 'station@brilliant.example');
  // A new piece at intake; the demo shopper orders its variant; the operator confirms the payment.
  await staff.goto(`${server.url}/station/intake`);
  const received = await api(staff, 'POST', '/api/v1/station/items', { sku: 'BR-1', weight: '3.20' });
  assert.equal(received.status, 201);
  const serial = received.body.serial;
  const shopper = await login(shop, 'shopper@brilliant.example');
  const product = await api(shopper, 'GET', `/api/v1/products/${received.body.product.slug}`);
  const variant = product.body.variants.find((v) => v.sku === 'BR-1');
  assert.equal((await api(shopper, 'POST', '/api/v1/cart/lines', { variant_id: variant.id, quantity: 1 })).status, 201);
  const placed = await shopper.evaluate(async () => {
    const token = document.querySelector('meta[name="csrf-token"]').content;
    const r = await fetch('/api/v1/orders', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token, 'Idempotency-Key': 'e2e-packing-order-1' },
      body: JSON.stringify({ recipient: '김지민', phone: '010-2345-6789', postcode: '54538', address: '전북 익산시 보석로 1' }) });
    return { status: r.status, body: await r.json() };
  });
  assert.equal(placed.status, 201);
  const number = placed.body.number;
  const operator = await login(await browser.newContext({ locale: 'ko-KR' }), 'operator@brilliant.example');
  assert.equal((await api(operator, 'PUT', `/api/v1/operator/orders/${number}/status`, { status: 'paid' })).status, 200);

  // Packing: the paid order's parcel waits in the station's list and opens from it; a wrong serial is
  // refused, the right one packed.
  await staff.goto(`${server.url}/station/packing`);
  await staff.locator(`#waiting-parcels [data-order="${number}"] button`).click();
  await staff.waitForURL(/\/station\/packing\/sessions\/\d+/);
  await staff.locator('#pack-serial').fill('IT-0000-0000');
  await staff.locator('#pack-serial').press('Enter');
  await staff.locator('#pack-error[data-beep="error"]').waitFor();
  await staff.locator('#pack-serial').fill(serial);
  await staff.locator('#pack-serial').press('Enter');
  await staff.locator('#packing-saved').waitFor();
  // Every shot from the station camera (Chromium's fake camera plays the generated ring).
  for (const id of [`shot-piece-${serial}`, `shot-serial-${serial}`, 'shot-box', 'shot-sealed']) await shoot(staff, id);
  assert.equal(await staff.locator('.packed-piece .is-done').count(), 4);  // the piece, its serial, box, sealed
  await snap(staff, 'station-packing');
  await staff.locator('#tracking').fill('612345678901');
  await staff.locator('#close-packing').click();
  await staff.locator('#packing-closed').waitFor();

  // The shopper sees the packing photos and the order's evidence, each photo logged.
  await shopper.goto(`${server.url}/orders/${number}`);
  await shopper.locator('#packing-photos img').first().waitFor();
  await shopper.locator('#evidence-link').click();
  await shopper.waitForURL(/\/evidence/);
  assert.equal(await shopper.locator('#evidence-photos > li').count(), 4);
  await shopper.locator('#evidence-photos img').last().evaluate((img) => img.decode());
  await snap(shopper, 'order-evidence');
  await shopper.setViewportSize({ width: 390, height: 844 });
  await snap(shopper, 'order-evidence-phone');

  // The piece comes back: the returns station weighs it, shoots it again and compares.
  await staff.goto(`${server.url}/station/returns`);
  await staff.locator('#serial').fill(serial);
  await staff.locator('#weight').fill('3.20');
  await staff.locator('#weight').press('Enter');
  await staff.waitForURL(/\/station\/returns\/\d+/);
  for (const id of ['shot-piece', 'shot-serial']) await shoot(staff, id);
  const score = Number(await staff.locator('#match-score').textContent());
  assert.ok(score >= 75, `match score ${score}`);
  assert.match(await staff.locator('#match-summary').getAttribute('class'), /is-match/);
  await snap(staff, 'station-return');
  await staff.getByRole('button', { name: '수락' }).click();
  await staff.locator('#return-decided').waitFor();


});

test('every page these journeys visited meets WCAG 2.2 AA (axe-core: no serious or critical violation)', async () => {
  assert.deepEqual(await browser.auditAccessibility(), []);
});
