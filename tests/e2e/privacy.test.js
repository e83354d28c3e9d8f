// A person's own data in a real browser (issue 15): a shopper who joined with marketing mail off orders a
// piece, is told an open order stops the account from closing, cancels it, downloads their data (the
// order is in it), withdraws nothing they never gave, closes the account and can no longer log in; the
// operator still finds the order, the recipient's name masked. Terms and privacy pages are one click from
// every page. And the audit trail: a workshop's stock change reaches the operator with its before and after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer, launchBrowser, snap } from './server.js';
import { login, makersPiece, toCheckout } from './demo.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('a shopper exports their data and closes the account; the order stays for the operator, reduced', async () => {
  const makerContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const maker = await makerContext.newPage();
  await maker.goto(`${server.url}/login`);
  await login(maker, 'maker@brilliant.example');
  const slug = await makersPiece(maker, server.url);
  assert.ok(slug, 'the demo maker has a piece in stock');
  await makerContext.close();

  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/signup`);
  assert.equal(await page.locator('#marketing').isChecked(), false, 'marketing mail is off unless ticked');
  await page.getByLabel('이름').fill('박서연');
  await page.getByLabel('이메일').fill('seoyeon@example.com');
  await page.getByLabel(/비밀번호/).fill('a-long-password');
  await snap(page, 'signup-consent-phone-ko');
  await page.getByRole('button', { name: '가입하기' }).click();
  await page.waitForURL(/\/account/);
  assert.match(await page.locator('#consent-list').innerText(), /이용약관 · 동의/);
  assert.match(await page.locator('#marketing-state').innerText(), /받지 않습니다/);

  // An order, still awaiting payment.
  await toCheckout(page, server.url, slug);
  await page.getByLabel('휴대전화').fill('010 2345 6789');
  await page.getByLabel('우편번호').fill('54538');
  await page.getByLabel('주소', { exact: true }).fill('전북특별자치도 익산시 왕궁면 보석로 1');
  await page.getByLabel('상세 주소').fill('2층');
  await page.locator('input[name="agree"]').check();
  await page.locator('#place-order').click();
  await page.waitForURL(/\/orders\/BR-/);
  const number = (await page.locator('h1.order-number').textContent()).trim();

  // Closing is refused while the order is open, and says why.
  await page.goto(`${server.url}/account`);
  await page.getByLabel('비밀번호로 확인').fill('a-long-password');
  await page.locator('#close-confirm').check();
  await page.getByRole('button', { name: '탈퇴하기' }).click();
  await assert.doesNotReject(page.locator('#privacy-error').waitFor());
  assert.match(await page.locator('#privacy-error').innerText(), /진행 중인 주문/);
  await snap(page, 'account-privacy-phone-ko');
  await page.goto(`${server.url}/orders/${number}`);
  await page.locator('#cancel-order').click();
  await page.waitForURL(/\/orders\//);

  // The download holds the account and the order.
  await page.goto(`${server.url}/account`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-data').click()]);
  const data = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(data.account.email, 'seoyeon@example.com');
  assert.equal(data.orders[0].number, number);
  assert.ok(data.consents.some((c) => c.item === 'marketing' && c.agreed === false));

  await page.getByLabel('비밀번호로 확인').fill('a-long-password');
  await page.locator('#close-confirm').check();
  await page.getByRole('button', { name: '탈퇴하기' }).click();
  await page.waitForURL(/\/account\/closed$/);
  await assert.doesNotReject(page.locator('#account-closed').waitFor());
  await snap(page, 'account-closed-phone-ko');

  // No way back in.
  await page.goto(`${server.url}/login`);
  await page.getByLabel('이메일').fill('seoyeon@example.com');
  await page.getByLabel('비밀번호').fill('a-long-password');
  await page.getByRole('button', { name: '로그인' }).click();
  await assert.doesNotReject(page.getByText(/이메일 또는 비밀번호/).first().waitFor());

  // The footer links the terms and the privacy policy on every page.
  await page.getByRole('link', { name: '개인정보처리방침' }).first().click();
  await page.waitForURL(/\/privacy$/);
  await assert.doesNotReject(page.locator('#privacy-officer').waitFor());

  // The operator still has the order; the person is reduced to a masked name.
  const operatorContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1366, height: 900 } });
  const operator = await operatorContext.newPage();
  await operator.goto(`${server.url}/login`);
  await login(operator, 'operator@brilliant.example');
  await operator.goto(`${server.url}/operator/orders?q=${number}`);
  const row = operator.locator(`tr[data-order="${number}"]`);
  await assert.doesNotReject(row.waitFor());
  assert.match(await row.innerText(), /박\*\*/);
  assert.doesNotMatch(await row.innerText(), /서연/);
  await snap(operator, 'operator-reduced-order-ko');
});

test('the operator reads who changed what: a workshop stock saved on its table, before and after', async () => {
  const maker = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } })).newPage();
  await maker.goto(`${server.url}/login`);
  await login(maker, 'maker@brilliant.example');
  await maker.goto(`${server.url}/console/stock`);
  const input = maker.locator('input[name^="stock_"]').first();
  const before = Number(await input.inputValue());
  await input.fill(String(before + 2));
  await maker.locator('form[action$="/console/stock"] button[type="submit"]').click();
  await maker.waitForURL(/saved=/);

  const operator = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })).newPage();
  await operator.goto(`${server.url}/en/login`);
  await login(operator, 'operator@brilliant.example', /\/en\/(account|operator)/);
  await operator.goto(`${server.url}/en/operator/audit?q=maker%40brilliant.example`);
  const changes = operator.locator('.audit-changes').first();
  await changes.waitFor();
  assert.match(await changes.innerText(), new RegExp(`stock: ${before} → ${before + 2}`));
  await snap(operator, 'audit-before-after-desktop');
});

test('every page these journeys visited meets WCAG 2.2 AA (axe-core: no serious or critical violation)', async () => {
  assert.deepEqual(await browser.auditAccessibility(), []);
});
