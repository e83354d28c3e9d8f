// The shopper's storefront journey in a real browser: search, filter, open a product, pick a size, and
// put an engraved, gift-wrapped piece in the cart.
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
  await page.getByLabel('검색', { exact: true }).fill('반지');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?q=/);
  const total = Number(await page.locator('#result-count strong').textContent());
  assert.ok(total > 0, 'the search finds rings');
  await snap(page, 'search-phone-ko');
  // Filter by metal: gold. On a phone the filters start folded, below a button.
  assert.equal(await page.locator('.facets-box').evaluate((d) => d.open), false);
  await page.locator('.facets-box summary').click();
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

test('recommendations: rows with reasons on the product page, and "for you" on the home page after browsing (Korean, desktop)', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const list = await (await fetch(`${server.url}/api/v1/products?category=ring`)).json();
  const [first, second] = list.cards;
  await page.goto(`${server.url}/products/${first.slug}`);
  const also = page.locator('[data-recommendations="also_like"] .card');
  assert.ok(await also.count() > 0, 'the product page shows "you may also like"');
  const look = page.locator('[data-recommendations="complete_look"] .card');
  assert.ok(await look.count() > 0, 'and "complete the look"');
  assert.doesNotMatch(await look.locator('.card-title').first().textContent(), /반지/);
  assert.ok((await also.locator('.card-reason').first().textContent()).trim().length > 0, 'each says why');
  await page.locator('[data-recommendations="also_like"]').scrollIntoViewIfNeeded();
  await snap(page, 'recommendations-desktop-ko');
  // The second piece's beacon names the first, viewed before it in this visit.
  const beacon = page.waitForRequest((r) => r.url().endsWith(`/api/v1/products/${second.slug}/view`));
  await page.goto(`${server.url}/products/${second.slug}`);
  assert.equal(new URLSearchParams((await beacon).postData()).get('before'), first.slug);
  await page.goto(`${server.url}/`);
  const row = page.locator('[data-for-you]');
  await assert.doesNotReject(row.locator('.card').first().waitFor());
  assert.equal(await row.locator('h2').textContent(), '당신을 위한 추천');
  await row.scrollIntoViewIfNeeded();
  await snap(page, 'for-you-desktop-ko');
  await context.close();
});

test('English listing with facets and suggestions as you type (desktop)', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/en/shop?category=necklace`);
  assert.equal(await page.locator('h1').textContent(), 'Necklaces');
  await snap(page, 'shop-desktop-en');
  await page.getByLabel('Search', { exact: true }).pressSequentially('Gold', { delay: 30 });
  await assert.doesNotReject(page.locator('.suggestions a').first().waitFor());
  await page.locator('.suggestions a').first().click();
  await page.waitForURL(/\/en\/products\//);
  await assert.doesNotReject(page.getByText('Price breakdown').waitFor());
  await snap(page, 'product-desktop-en');
  await context.close();
});

test('engrave a ring, gift wrap it and put it in the cart (Korean, phone)', async () => {
  // A ring whose workshop offers engraving and gift wrap (the demo data has many).
  const list = await (await fetch(`${server.url}/api/v1/products?category=ring`)).json();
  let slug;
  for (const card of list.cards) {
    const product = await (await fetch(`${server.url}/api/v1/products/${card.slug}`)).json();
    if (product.engraving_max >= 4 && product.gift_wrap_text && product.variants.some((v) => v.stock > 0)) {
      slug = card.slug;
      break;
    }
  }
  assert.ok(slug, 'the demo catalog has an engravable ring');
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/products/${slug}`);
  // Adding without a size is refused with the reason, and the engraving typed so far is kept.
  await page.getByLabel(/각인/).fill('J♥M');
  await page.getByRole('button', { name: '장바구니 담기' }).click();
  await assert.doesNotReject(page.locator('#cart-error').waitFor());
  assert.match(await page.locator('#cart-error').textContent(), /사이즈/);
  assert.equal(await page.getByLabel(/각인/).inputValue(), 'J♥M');
  await page.locator('.variant:not(.is-out)').first().click();
  await page.getByLabel(/선물 포장/).check();
  await page.getByRole('button', { name: '장바구니 담기' }).click();
  await page.waitForURL(/\/cart\?added=1/);
  const line = page.locator('.cart-line').first();
  assert.equal(await line.locator('.engraving-text').textContent(), 'J♥M');
  await assert.doesNotReject(line.getByText('단순 변심 반품 불가').waitFor());
  assert.equal(await page.locator('[data-cart-count]').textContent(), '1');
  await snap(page, 'cart-phone-ko');
  // Two of them, then remove: the cart is empty again.
  await line.getByLabel('수량').fill('2');
  await line.getByRole('button', { name: '변경' }).click();
  await page.waitForURL(/\/cart$/);
  assert.equal(await page.locator('.cart-line input[name="quantity"]').inputValue(), '2');
  await page.getByRole('button', { name: '삭제' }).click();
  await assert.doesNotReject(page.getByText('장바구니가 비어 있습니다.').waitFor());
  await context.close();
});

test('a piece in one plain size is offered chosen: add it without choosing (English, desktop)', async () => {
  const list = await (await fetch(`${server.url}/api/v1/products?category=earrings`)).json();
  let product;
  for (const card of list.cards) {
    const p = await (await fetch(`${server.url}/api/v1/products/${card.slug}`)).json();
    const [only, ...rest] = p.variants;
    if (rest.length === 0 && only.stock > 0 && !only.length_mm && !only.korean_size && only.checked) {
      product = p;
      break;
    }
  }
  assert.ok(product, 'the demo catalog has earrings in one plain size');
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/en/products/${product.slug}`);
  const option = page.locator('.variant');
  assert.equal(await option.count(), 1);
  assert.equal((await option.textContent()).trim(), 'Standard');
  assert.ok(await option.locator('input').isChecked(), 'the only option is chosen already');
  assert.match(await page.locator('#variant-stock').textContent(), /left/);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.waitForURL(/\/cart\?added=1/);
  const line = page.locator('.cart-line').first();
  assert.equal(await line.locator('h2').textContent(), product.title_en);
  const info = await line.locator('.cart-info').textContent();
  assert.match(info, /Standard/);
  assert.doesNotMatch(info, new RegExp(product.variants[0].sku));
  await context.close();
});

test('every page these journeys visited meets WCAG 2.2 AA (axe-core: no serious or critical violation)', async () => {
  assert.deepEqual(await browser.auditAccessibility(), []);
});
