// The eco certification in a real browser (issue 11): the demo auditor opens the waiting application,
// scores it, records the on-site audit and issues the certificate; a shopper opens the certificate's page
// (where its QR code leads) and the page itself verifies the signature and the log proof with WebCrypto.
// Then the workshop's staff sees the certificate in the console and a suspension shows on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, snap } from './server.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function login(page, email) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill('brilliant-demo');
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL(/account/);
}

let certificateUrl;

test('an auditor scores the waiting application and issues a signed certificate', async () => {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  await login(page, 'auditor@brilliant.example');
  await page.goto(`${server.url}/audit`);
  const row = page.locator('#audit-queue tbody tr', { hasText: '익산 금세공방' });
  await row.getByRole('link').click();
  await page.waitForURL(/\/audit\/applications\/\d+/);
  // Issuing before scoring says what is missing, next to the decision.
  await page.locator('#issue').click();
  await page.locator('#decision-error').waitFor();
  for (const input of await page.locator('input[name^="score_"]').all()) {
    const name = await input.getAttribute('name');
    const baseline = ['score_legal_compliance', 'score_disclosure', 'score_makers_mark'].includes(name);
    await input.fill(baseline ? '100' : '88');
  }
  await page.locator('#save-scores').click();
  await page.waitForURL(/saved=1/);
  assert.match(await page.locator('#assessment').textContent(), /88/);
  await page.getByLabel('종류').selectOption('on_site');
  await page.getByLabel('실시일').fill('2026-11-28');
  await page.locator('#audit-note').fill('현장 심사: 도금실과 폐수 설비 확인');
  await page.getByRole('button', { name: '기록 추가' }).click();
  await page.waitForURL(/saved=1/);
  await snap(page, 'audit-application');
  await page.locator('#issue').click();
  await page.waitForURL(/\/certificates\/ECO-/);
  certificateUrl = page.url();
  assert.match(await page.locator('#certificate-status').textContent(), /유효/);
  await context.close();
});

test('a shopper opens the certificate from its QR code and the page verifies it', async () => {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  await page.goto(certificateUrl);
  // The QR code is a real image of the page's address.
  const qr = await page.request.get(await page.locator('img.cert-qr').getAttribute('src', { timeout: 5000 }).then((s) => new URL(s, certificateUrl).href));
  assert.equal(qr.headers()['content-type'], 'image/svg+xml');
  await page.locator('.verify-state[data-state="ok"]').waitFor();
  assert.equal(await page.locator('.verify-checks li').count(), 4);
  assert.equal(await page.locator('.verify-checks li.fail').count(), 0);
  await snap(page, 'certificate-verified');
  // On a phone too.
  const phone = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  const small = await phone.newPage();
  await small.goto(certificateUrl);
  await small.locator('.verify-state[data-state="ok"]').waitFor();
  const width = await small.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width}px wide on a 390px phone`);
  await phone.close();
  await context.close();
});

test('the workshop sees its certificate; a suspension is public at once', async () => {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  await login(page, 'maker@brilliant.example');
  await page.goto(`${server.url}/console/certification`);
  const number = certificateUrl.split('/').pop();
  await page.getByText(number).waitFor();
  const auditorContext = await browser.newContext({ locale: 'ko-KR' });
  const auditor = await auditorContext.newPage();
  await login(auditor, 'auditor@brilliant.example');
  await auditor.goto(`${server.url}/audit/certificates/${number}`);
  await auditor.getByRole('button', { name: '적용' }).click();
  await auditor.locator('#reason-error').waitFor();  // a status change without a reason is refused
  await auditor.locator('#status-reason').fill('폐수 재검사 결과 미제출');
  await auditor.getByRole('button', { name: '적용' }).click();
  await auditor.waitForURL(new RegExp(`/certificates/${number}$`));
  await page.goto(certificateUrl);
  assert.match(await page.locator('#certificate-status').textContent(), /정지/);
  assert.match(await page.locator('#history').textContent(), /폐수 재검사 결과 미제출/);
  await page.goto(`${server.url}/eco`);
  await page.goto(`${server.url}/certificates`);
  await auditorContext.close();
  await context.close();
});

test('every page these journeys visited meets WCAG 2.2 AA (axe-core: no serious or critical violation)', async () => {
  assert.deepEqual(await browser.auditAccessibility(), []);
});
