// The buying journey in a real browser: a shopper puts a workshop's ring in the cart on a phone, is asked
// to log in at checkout and comes back to it, places the order with a bank transfer and sees how to pay;
// the workshop sees the order without the address; the operator confirms the transfer; the shopper sees
// it paid and the workshop sees where to ship it and ships it (the shopper sees the waybill), its revenue
// and its settlement statement. In English
// on a desktop a guest orders with an email, and typing a Jeju postcode shows the island surcharge in
// the total before the order is placed; the order opens with the key from its link only. The operator makes a
// coupon; a shopper applies it at checkout (a wrong code says why) and it is counted on the coupon pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, snap } from './server.js';
import { login, makersPiece, pieceInStock, toCheckout } from './demo.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('order on a phone, pay by transfer, the operator confirms, the workshop ships (Korean)', async () => {
  const makerContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const maker = await makerContext.newPage();
  await maker.goto(`${server.url}/login`);
  await login(maker, 'maker@brilliant.example');
  const slug = await makersPiece(maker, server.url);
  assert.ok(slug, 'the demo maker has a ring in stock');

  const shopperContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  const page = await shopperContext.newPage();
  await page.goto(`${server.url}/products/${slug}`);
  await page.locator('.variant:not(.is-out)').first().click();
  await page.getByRole('button', { name: '장바구니 담기' }).click();
  await page.waitForURL(/\/cart\?added=1/);
  await page.locator('#go-checkout').click();
  await page.waitForURL(/\/checkout$/);
  // A guest may order with an email; this shopper has an account and logs in, coming back here.
  await page.locator('#checkout-login').click();
  await page.waitForURL(/\/login\?next=/);
  await login(page, 'shopper@brilliant.example', /\/checkout$/);
  assert.equal(await page.locator('input[name="email"]').count(), 0, 'no email asked of a logged-in shopper');
  assert.equal(await page.getByLabel('받는 분').inputValue(), '김지민', 'the name is filled in');

  // Without a phone number or consent the order is refused beside the field, and nothing is lost.
  await page.getByLabel('우편번호').fill('54538');
  await page.getByLabel('주소', { exact: true }).fill('전북특별자치도 익산시 왕궁면 보석로 1');
  await page.locator('#place-order').click();
  await assert.doesNotReject(page.locator('#phone-error').waitFor());
  assert.equal(await page.getByLabel('주소', { exact: true }).inputValue(), '전북특별자치도 익산시 왕궁면 보석로 1');
  await page.getByLabel('휴대전화').fill('010 2345 6789');
  await page.getByLabel('상세 주소').fill('2층 공방 앞');
  await page.locator('input[name="agree"]').check();
  await snap(page, 'checkout-phone-ko');
  await page.locator('#place-order').click();
  await page.waitForURL(/\/orders\/BR-\d{6}-[A-Z0-9]{8}\?placed=1/);
  const number = (await page.locator('h1.order-number').textContent()).trim();
  await assert.doesNotReject(page.locator('#order-placed').waitFor());
  assert.match(await page.locator('#pay-panel').textContent(), /KB국민은행/);
  assert.equal((await page.locator('#order-status').textContent()).trim(), '입금 대기');
  await snap(page, 'order-phone-ko');

  // The workshop sees its order, not yet the address.
  await maker.goto(`${server.url}/console/orders`);
  const row = maker.locator(`[data-order="${number}"]`);
  await assert.doesNotReject(row.waitFor());
  assert.match(await row.textContent(), /입금이 확인되면 배송지가 보입니다/);

  // The operator confirms the transfer.
  const operatorContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1366, height: 900 } });
  const operator = await operatorContext.newPage();
  await operator.goto(`${server.url}/login`);
  await login(operator, 'operator@brilliant.example');
  await operator.goto(`${server.url}/operator/orders?status=awaiting_payment`);
  await snap(operator, 'operator-orders-ko');
  await operator.locator(`tr[data-order="${number}"]`).getByRole('button', { name: '입금 확인' }).click();
  await operator.waitForURL(/\/operator\/orders/);
  assert.equal(await operator.locator(`tr[data-order="${number}"]`).count(), 0, 'no longer awaiting payment');

  await page.reload();
  assert.equal((await page.locator('#order-status').textContent()).trim(), '결제 완료');
  await maker.reload();
  assert.match(await maker.locator(`[data-order="${number}"]`).textContent(), /보낼 곳.*김지민/s);
  await snap(maker, 'console-orders-ko');
  // The workshop ships it with a waybill number; the shopper sees it on the order.
  await maker.locator(`#carrier-${number}`).selectOption('post');
  await maker.locator(`#tracking-${number}`).fill('6865-1234-56789');
  await maker.locator(`[data-order="${number}"]`).getByRole('button', { name: '발송 처리' }).click();
  await maker.waitForURL(/\/console\/orders\?shipped=/);
  await page.reload();
  assert.match(await page.locator('.shipment').textContent(), /우체국택배.*6865123456789/s);
  await maker.goto(`${server.url}/console`);
  const revenue = await maker.locator('[data-stat="revenue_30"]').textContent();
  assert.notEqual(revenue.trim(), '0원', 'the paid order shows as revenue');
  // This month's settlement statement lists the order, its commission and the payout.
  await maker.getByRole('link', { name: '정산' }).first().click();
  await maker.waitForURL(/\/console\/settlements$/);
  assert.match(await maker.locator('#statement-lines').textContent(), new RegExp(number));
  assert.notEqual((await maker.locator('[data-stat="payout"]').textContent()).trim(), '0원');
  await snap(maker, 'settlements-ko');
  await operator.goto(`${server.url}/operator/settlements`);
  assert.ok(await operator.locator('#settlements-table tbody tr').count() >= 1, 'the operator sees the workshop');
  await snap(operator, 'operator-settlements-ko');
  await Promise.all([makerContext.close(), shopperContext.close(), operatorContext.close()]);
});

test('a guest orders with an email; a Jeju postcode adds the island surcharge at once (English, desktop)', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const slug = await pieceInStock(page, server.url, 'category=necklace');
  assert.ok(slug, 'a necklace in stock');
  await page.goto(`${server.url}/en/products/${slug}`);
  await page.locator('.variant:not(.is-out)').first().click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.waitForURL(/\/en\/cart\?added=1/);
  await page.locator('#go-checkout').click();
  await page.waitForURL(/\/en\/checkout$/);
  const before = await page.locator('#checkout-total').textContent();
  await page.getByLabel('Email').fill('guest.buyer@example.com');
  await page.getByLabel('Recipient').fill('Mina Park');
  await page.getByLabel('Phone').fill('010-9876-5432');
  await page.getByLabel('Address', { exact: true }).fill('1 Jungang-ro, Jeju');
  // Typing a Jeju postcode adds the surcharge to the total on the page at once.
  await page.getByLabel('Postcode').fill('63100');
  await page.waitForFunction((old) => document.getElementById('checkout-total').textContent !== old, before);
  const after = await page.locator('#checkout-total').textContent();
  assert.match(await page.locator('#place-order').textContent(), new RegExp(after.replace(/[₩,]/g, '.')));
  await page.locator('input[name="agree"]').check();
  await snap(page, 'checkout-desktop-en');
  await page.locator('#place-order').click();
  await page.waitForURL(/\/en\/orders\/BR-[0-9]{6}-[A-Z0-9]{8}\?key=/);
  assert.equal((await page.locator('#pay-panel .total').textContent()).trim(), after.trim());
  await snap(page, 'order-desktop-en');
  // The guest's order opens only with its key.
  const bare = page.url().replace(/\?.*$/, '');
  assert.equal((await page.request.get(bare)).status(), 404);
  await context.close();
});

test('the operator makes a coupon, a shopper applies it at checkout, and it is counted (Korean)', async () => {
  const operatorContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1366, height: 900 } });
  const operator = await operatorContext.newPage();
  await operator.goto(`${server.url}/login`);
  await login(operator, 'operator@brilliant.example');
  await operator.goto(`${server.url}/operator/marketing/coupons`);
  await operator.locator('.coupon-new summary').click();
  await operator.getByLabel('이름 (한국어)').fill('겨울 15% 할인');
  await operator.getByLabel('이름 (영어)').fill('Winter 15% off');
  await operator.getByLabel(/^쿠폰 코드/).fill('winter15');
  await operator.getByLabel(/^할인 값/).fill('15');
  await operator.getByLabel(/^최대 할인/).fill('50,000');
  await operator.locator('#coupon-create').click();
  await operator.waitForURL(/\/operator\/marketing\/coupons\?made=/);
  const card = operator.locator('.coupon-card[data-code="WINTER15"]');
  await assert.doesNotReject(card.waitFor());
  assert.match(await card.textContent(), /15% 할인 \(최대 50,000원\)/);
  assert.equal((await card.locator('.coupon-orders').textContent()).trim(), '0');
  await snap(operator, 'operator-coupons-ko');

  const shopperContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  const page = await shopperContext.newPage();
  const slug = await pieceInStock(page, server.url, 'category=ring');
  assert.ok(slug, 'a ring in stock');
  await page.goto(`${server.url}/login`);
  await login(page, 'shopper@brilliant.example');
  await toCheckout(page, server.url, slug);
  const before = Number((await page.locator('input[name="expected_total"]').inputValue()));
  await page.getByLabel('휴대전화').fill('010 2345 6789');
  await page.getByLabel('우편번호').fill('54538');
  await page.getByLabel('주소', { exact: true }).fill('전북특별자치도 익산시 왕궁면 보석로 1');
  // A code that does not exist says so; the real one takes 15 % off, and what was typed stays.
  await page.getByLabel('쿠폰 코드').fill('NOPE99');
  await page.locator('#apply-coupon').click();
  await assert.doesNotReject(page.locator('#coupon-error').waitFor());
  assert.match(await page.locator('#coupon-error').textContent(), /이 코드의 쿠폰이 없습니다/);
  await page.getByLabel('쿠폰 코드').fill('winter15');
  await page.locator('#apply-coupon').click();
  await assert.doesNotReject(page.locator('#coupon-applied').waitFor());
  assert.equal(await page.getByLabel('주소', { exact: true }).inputValue(), '전북특별자치도 익산시 왕궁면 보석로 1');
  const after = Number(await page.locator('input[name="expected_total"]').inputValue());
  assert.ok(after < before, `the total fell (${before} -> ${after})`);
  assert.match(await page.locator('#checkout-discount').textContent(), /^-[\d,]+원$/);
  await page.locator('input[name="agree"]').check();
  await snap(page, 'checkout-coupon-phone-ko');
  await page.locator('#place-order').click();
  await page.waitForURL(/\/orders\/BR-\d{6}-[A-Z0-9]{8}\?placed=1/);
  assert.match(await page.locator('#order-discount').textContent(), /^-[\d,]+원$/);
  await snap(page, 'order-coupon-phone-ko');

  // Counted: on the coupon's card and in the marketing page's totals.
  await operator.goto(`${server.url}/operator/marketing/coupons`);
  assert.equal((await card.locator('.coupon-orders').textContent()).trim(), '1');
  await operator.goto(`${server.url}/operator/marketing`);
  assert.ok(Number(await operator.locator('#coupon-summary-orders').textContent()) >= 1);
  await snap(operator, 'operator-marketing-ko');
  await Promise.all([operatorContext.close(), shopperContext.close()]);
});

test('every page these journeys visited meets WCAG 2.2 AA (axe-core: no serious or critical violation)', async () => {
  assert.deepEqual(await browser.auditAccessibility(), []);
});
