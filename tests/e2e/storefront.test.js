// The shopper's storefront journey in a real browser: search, filter, open a product, pick a size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, snap } from './server.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('search, filter, open a ring and pick a size (Korean, phone)', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.getByLabel('검색').fill('반지');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?q=/);
  const total = Number(await page.locator('#result-count strong').textContent());
  assert.ok(total > 0, 'the search finds rings');
  await snap(page, 'search-phone-ko');
  // Filter by metal: gold.
  await page.locator('[data-facet="metal"] a', { hasText: '금' }).first().click();
  await page.waitForURL(/metal=gold/);
  const filtered = Number(await page.locator('#result-count strong').textContent());
  assert.ok(filtered > 0 && filtered <= total, 'the filter narrows the results');
  for (const material of await page.locator('.card-meta').allTextContents()) assert.match(material, /금/);
  // Open the first ring.
  await page.locator('.card-link', { hasText: '반지' }).first().click();
  await page.waitForURL(/\/products\//);
  await page.getByText('사이즈 가이드').click();
  await assert.doesNotReject(page.getByText('한국 호수').waitFor());
  const sizes = page.locator('.variant');
  assert.ok(await sizes.count() > 1, 'a ring offers several sizes');
  await sizes.nth(2).click();
  const stock = await page.locator('#variant-stock').textContent();
  assert.ok(stock.length > 0, 'picking a size shows its stock');
  assert.ok(await page.locator('.variant input:checked').count() === 1);
  await snap(page, 'product-phone-ko');
  await context.close();
});

test('English listing with facets and suggestions as you type (desktop)', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/en/shop?category=necklace`);
  assert.equal(await page.locator('h1').textContent(), 'Necklaces');
  await snap(page, 'shop-desktop-en');
  await page.getByLabel('Search').pressSequentially('Gold', { delay: 30 });
  await assert.doesNotReject(page.locator('.suggestions a').first().waitFor());
  await page.locator('.suggestions a').first().click();
  await page.waitForURL(/\/en\/products\//);
  await assert.doesNotReject(page.getByText('Price breakdown').waitFor());
  await snap(page, 'product-desktop-en');
  await context.close();
});
