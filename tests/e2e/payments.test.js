// Paying by card in a real browser, through the stand-in Toss Payments window (tests/fake_toss): a
// shopper on a phone checks out with the card, the window (marked as a test payment) is declined once
// and the order page says why, pays again with a good card and lands on the order paid; then, in English
// on a desktop, the operator refunds part of it from the order page and the shopper sees the refund; the
// workshop ships it, the operator marks it delivered, the shopper confirms the purchase, and the sale
// appears in the workshop's ledger. And a virtual account, paid when the bank says the money arrived.
// (Returns and exchanges: returns.test.js.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, snap } from './server.js';
import { fillAddress, login, makersPiece, pieceInStock, toCheckout } from './demo.js';

let server;
let browser;
before(async () => { server = await startServer({ toss: true }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('pay by card through the window: declined once, then paid; the operator refunds part', async () => {
  const makerContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const maker = await makerContext.newPage();
  await maker.goto(`${server.url}/login`);
  await login(maker, 'maker@brilliant.example', /\/(account|console)/);
  const slug = await makersPiece(maker, server.url);
  const shopperContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  const page = await shopperContext.newPage();
  await page.goto(`${server.url}/login`);
  await login(page, 'shopper@brilliant.example', /\/account$/);
  assert.ok(slug, 'the demo has a piece in stock');
  await toCheckout(page, server.url, slug);
  assert.ok(await page.locator('#pay-card').isChecked(), 'the card is offered first when keys exist');
  await fillAddress(page);
  await snap(page, 'payments-checkout-phone');
  await page.locator('#place-order').click();

  // The stand-in window says it is a test, and the card is declined at confirmation.
  await page.waitForURL(new RegExp(`^${server.toss}/window`));
  await assert.doesNotReject(page.getByText('TEST card payment').waitFor());
  await snap(page, 'payments-window-phone');
  await page.getByLabel(/카드 번호/).fill('4000-0000-0000-0003');
  await page.locator('#pay').click();
  await page.waitForURL(/payment_error=REJECT_CARD_PAYMENT/);
  const problem = await page.locator('#payment-problem').innerText();
  assert.match(problem, /카드사에서 결제를 거절했습니다/);
  assert.equal(await page.locator('#order-status').innerText(), '입금 대기');
  await snap(page, 'payments-declined-phone');

  // Again with a good card, from the order page.
  await page.locator('#pay-by-card').click();
  await page.waitForURL(new RegExp(`^${server.toss}/window`));
  await page.locator('#pay').click();
  await page.waitForURL(/paid=1/);
  await page.locator('#order-paid').waitFor();
  assert.equal(await page.locator('#card-status').innerText(), '결제 완료');
  await snap(page, 'payments-paid-phone');
  const number = new URL(page.url()).pathname.split('/').pop();

  // The operator, in English on a desktop, refunds 10,000 won from the order page.
  const opContext = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const op = await opContext.newPage();
  await op.goto(`${server.url}/en/login`);
  await login(op, 'operator@brilliant.example', /\/en\/(account|operator)/);
  await op.goto(`${server.url}/en/orders/${number}`);
  await op.getByLabel(/Amount in won/).fill('10000');
  await op.getByLabel('Reason').fill('A small scratch on the band, agreed with the shopper');
  await snap(op, 'payments-refund-desktop');
  await op.locator('#refund').click();
  await op.waitForURL(/refunded=1/);
  assert.equal(await op.locator('#card-status').innerText(), 'Partly refunded');
  assert.match(await op.locator('#card-refunded').innerText(), /10,000/);

  await page.reload();
  assert.equal(await page.locator('#card-status').innerText(), '부분 취소');
  assert.match(await page.locator('.timeline').innerText(), /환불/);

  // The workshop ships it, the operator marks it delivered, the shopper confirms the purchase.
  await maker.goto(`${server.url}/console/orders`);
  const parcel = maker.locator(`[data-order="${number}"]`);
  await parcel.locator('select[name="carrier"]').selectOption('cj');
  await parcel.locator('input[name="tracking"]').fill('5566-7788-9900');
  await parcel.getByRole('button', { name: '발송 처리' }).click();
  await maker.waitForURL(/shipped=/);
  await op.goto(`${server.url}/en/orders/${number}`);
  await op.locator('#mark-delivered').click();
  await op.waitForURL(new RegExp(`/orders/${number}$`));
  await page.goto(`${server.url}/orders/${number}`);
  await snap(page, 'delivery-confirm-phone');
  await page.locator('#confirm-purchase').click();
  await page.locator('#order-confirmed').waitFor();
  await maker.goto(`${server.url}/console/ledger`);
  await maker.locator('#ledger-entries tr[data-kind="sale"]').first().waitFor();
  await snap(maker, 'ledger-desktop');
  await op.goto(`${server.url}/en/operator/payouts`);
  await snap(op, 'payouts-desktop');
  await op.goto(`${server.url}/en/operator/delivery`);
  await snap(op, 'delivery-desktop');

  const problems = await browser.auditAccessibility();
  assert.deepEqual(problems.filter((p) => !p.includes(server.toss)), []);
});

test('a virtual account: asked for on the order page, paid when the money arrives', async () => {
  const page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } })).newPage();
  await page.goto(`${server.url}/login`);
  await login(page, 'shopper@brilliant.example', /\/account$/);
  const slug = await pieceInStock(page, server.url, 'category=ring');
  await toCheckout(page, server.url, slug);
  await page.locator('#pay-transfer').check();
  await fillAddress(page);
  await page.locator('#place-order').click();
  await page.waitForURL(/placed=1/);
  const number = new URL(page.url()).pathname.split('/').pop();
  await page.locator('#virtual-account-link').click();
  await page.waitForURL(/virtual-account$/);
  await page.getByLabel('신한은행').check();
  await snap(page, 'virtual-account-choose-phone');
  await page.locator('#open-account').click();
  await page.locator('#virtual-account').waitFor();
  assert.equal(await page.locator('#account-bank').innerText(), '신한은행');
  assert.match(await page.locator('#account-number').innerText(), /^\d{14}$/);
  await snap(page, 'virtual-account-phone');
  // The bank tells Toss, Toss tells the shop: the order is paid.
  const payments = await (await page.request.get(`${server.url}/api/v1/orders/${number}`)).json();
  assert.equal(payments.status, 'awaiting_payment');
  const deposited = await fetch(`${server.toss}/__control/deposit`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ orderId: `${number}-1`, url: `${server.url}/api/v1/payments/toss/webhook` }),
  });
  assert.equal(deposited.status, 200);
  await page.goto(`${server.url}/orders/${number}`);
  assert.equal(await page.locator('#order-status').innerText(), '결제 완료');
});
