// B2B in a real browser, from the past Hong Kong fair's line sheet to an invoice. The approved demo buyer
// (English, phone) asks the demo workshop for a quote on one of the pieces it brought; the workshop's owner
// (Korean, desktop) answers from the console with a price, minimum, lead time and validity; the buyer
// accepts, orders with a delivery address and lands on the invoice; the operator sees the quote among
// every quote beside the buyers' applications.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, snap } from './server.js';
import { login } from './demo.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const fair = 'hong-kong-jewellery-fair';

test('a buyer asks for a quote, the workshop answers, the buyer orders and reads the invoice', async () => {
  const desk = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const maker = await desk.newPage();
  await maker.goto(`${server.url}/login`);
  await login(maker, 'maker@brilliant.example');
  const own = await (await maker.request.get(`${server.url}/api/v1/console/exhibitions`)).json();
  const brought = own.exhibitions.find((e) => e.slug === fair).own_pieces.find((p) => p.brought);
  assert.ok(brought, 'the demo workshop brought pieces to the fair');

  const phone = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  const buyer = await phone.newPage();
  await buyer.goto(`${server.url}/en/login`);
  await login(buyer, 'buyer@brilliant.example', /\/en\/account$/);
  await buyer.goto(`${server.url}/en/exhibitions/${fair}`);
  const ask = buyer.locator(`#ask-${brought.product_id}`);
  await ask.locator('input[name="quantity"]').fill('12');
  await snap(buyer, 'b2b-line-sheet-ask-phone-en');
  await ask.getByRole('button', { name: 'Ask for a quote' }).click();
  await buyer.waitForURL(/\/en\/buyer\/quotes\/Q-\d{6}-[A-Z0-9]{6}$/);
  const number = buyer.url().split('/').pop();
  assert.equal((await buyer.locator('#quote-status').textContent()).trim(), 'Awaiting answer');

  await maker.goto(`${server.url}/console/quotes`);
  await maker.locator(`#quote-${number} a`).first().click();
  await maker.waitForURL(new RegExp(`/console/quotes/${number}$`));
  await maker.getByLabel(/단가/).fill('85000');
  await maker.getByLabel('최소 수량').fill('10');
  await maker.getByLabel(/제작 기간/).fill('21');
  await maker.getByLabel(/조건과 메모/).fill('익산 공방 출고, 21일 제작');
  await snap(maker, 'b2b-console-answer-ko');
  await maker.locator('#send-answer').click();
  await maker.waitForURL(new RegExp(`/console/quotes/${number}$`));
  assert.equal((await maker.locator('#quote-status').textContent()).trim(), '견적 도착');

  await buyer.reload();
  assert.match(await buyer.locator('#unit-price').textContent(), /85,000/);
  await buyer.locator('#accept').click();
  await buyer.waitForURL(new RegExp(`/en/buyer/quotes/${number}$`));
  const form = buyer.locator('#order-form');
  await form.getByLabel('Quantity').fill('12');
  await form.getByLabel(/Recipient/).fill('Tanaka Trading (Seoul forwarder)');
  await form.getByLabel(/Phone/).fill('02-123-4567');
  await form.getByLabel(/Postcode/).fill('04524');
  await form.getByLabel(/^Address/).first().fill('110 Sejong-daero, Jung-gu, Seoul');
  await snap(buyer, 'b2b-quote-order-phone-en');
  await buyer.locator('#place-order').click();
  await buyer.waitForURL(new RegExp(`/en/buyer/quotes/${number}/invoice$`));
  assert.equal((await buyer.locator('#invoice-quantity').textContent()).trim(), '12');
  assert.match(await buyer.locator('#invoice-total').textContent(), /1,020,000/);
  assert.match(await buyer.locator('#invoice-number').textContent(), /^BR-\d{6}-/);
  await snap(buyer, 'b2b-invoice-phone-en');

  const operator = await desk.newPage();
  await desk.clearCookies();
  await operator.goto(`${server.url}/login`);
  await login(operator, 'operator@brilliant.example');
  await operator.goto(`${server.url}/operator/buyers`);
  assert.equal(await operator.locator(`#quote-${number}`).count(), 1);
  await snap(operator, 'b2b-operator-ko');
  await phone.close();
  await desk.close();
});
