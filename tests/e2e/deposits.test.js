// Bank-transfer deposits in a real browser: a shopper on a phone checks out by bank transfer naming the
// depositor and asking for a cash receipt, and the order page says both; the operator on a desktop
// uploads the bank's statement file on /operator/deposits, finds that deposit matched to the order and
// confirms it (the order is paid), picks the order of an ambiguous deposit from the ones shown side by
// side, and sets the bank's interest aside with a note; the page on a phone too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, snap } from './server.js';
import { fillAddress, login, pieceInStock, toCheckout } from './demo.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('a transfer named at checkout is matched from the statement and confirmed', async () => {
  const shopperContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  const page = await shopperContext.newPage();
  await page.goto(`${server.url}/login`);
  await login(page, 'shopper@brilliant.example', /\/account$/);
  const slug = await pieceInStock(page, server.url, 'category=ring');
  assert.ok(slug, 'the demo has a ring in stock');
  await toCheckout(page, server.url, slug);
  await fillAddress(page);
  await page.getByLabel(/입금자명/).fill('한빛상사');
  await page.getByLabel('현금영수증', { exact: true }).selectOption('income');
  await page.getByLabel(/현금영수증 번호/).fill('010 9876 5432');
  await snap(page, 'deposits-checkout-phone');
  await page.locator('#place-order').click();
  await page.waitForURL(/placed=1/);
  assert.equal(await page.locator('#order-depositor').innerText(), '한빛상사');
  assert.match(await page.locator('#cash-receipt').innerText(), /소득공제용 · 010-9876-5432/);
  const number = new URL(page.url()).pathname.split('/').pop();
  const order = await (await page.request.get(`${server.url}/api/v1/orders/${number}`)).json();

  // The operator uploads the bank's export (the file as downloaded) and confirms the matched deposit.
  const opContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const op = await opContext.newPage();
  await op.goto(`${server.url}/login`);
  await login(op, 'operator@brilliant.example', /\/(account|operator)/);
  await op.goto(`${server.url}/operator/deposits`);
  const csv = `거래일시,기재내용,찾으신금액,맡기신금액,거래후잔액\n2026.11.30 13:05:00,한빛상사,0,${order.total},\n`;
  const reloaded = op.waitForEvent('load');
  await op.locator('#statement-file').setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await reloaded;
  const row = op.locator('.deposit-row', { has: op.locator(`a:text-is("${number}")`) });
  await row.waitFor();
  assert.equal(await row.getAttribute('data-confidence'), 'certain');
  assert.match(await op.locator('#statement-list').innerText(), /statement\.csv/);
  await snap(op, 'deposits-board-desktop');
  await row.locator('[data-confirm-deposit]').click();
  await op.waitForURL(/paid=1/);
  assert.equal(await op.locator(`#deposits-matched a:text-is("${number}")`).count(), 0);
  assert.match(await op.locator('#deposits-decided').innerText(), new RegExp(number));
  await page.reload();
  assert.equal(await page.locator('#order-status').innerText(), '결제 완료');

  // The demo's ambiguous deposit: the orders side by side, one picked.
  const ambiguous = op.locator('#deposits-ambiguous .deposit-case').first();
  const candidates = ambiguous.locator('.candidate');
  assert.ok(await candidates.count() >= 2, 'the orders of that amount side by side');
  const picked = await candidates.first().locator('a.mono').innerText();
  await candidates.first().getByRole('button').click();
  await op.waitForURL(/paid=1/);
  assert.match(await op.locator('#deposits-decided').innerText(), new RegExp(picked));

  // The bank's interest pays no order: set aside with a note.
  const interest = op.locator('#deposits-unmatched .deposit-case', { hasText: '예금이자' });
  await interest.locator('summary').click();
  await interest.getByPlaceholder(/예금 이자/).fill('11월 예금 이자');
  await interest.getByRole('button', { name: '따로 두기' }).click();
  await op.waitForURL(/\/operator\/deposits$/);
  assert.match(await op.locator('#deposits-decided').innerText(), /11월 예금 이자/);

  const phone = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  const small = await phone.newPage();
  await small.goto(`${server.url}/en/login`);
  await login(small, 'operator@brilliant.example', /\/en\/(account|operator)/);
  await small.goto(`${server.url}/en/operator/deposits`);
  await small.locator('#deposits-decided').waitFor();
  await snap(small, 'deposits-board-phone');

  const problems = await browser.auditAccessibility();
  assert.deepEqual(problems, [], problems.join('\n'));
});
