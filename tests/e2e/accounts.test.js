// Key account journeys in a real browser: sign up, see the account, switch language, log out, log in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, snap } from './server.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('a shopper signs up, sees the account page, logs out and logs back in', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await snap(page, 'home-phone-ko');
  await page.getByRole('link', { name: '회원가입' }).click();
  await page.getByLabel('이름').fill('김지민');
  await page.getByLabel('이메일').fill('jimin@example.com');
  await page.getByLabel(/비밀번호/).fill('short');
  await page.getByRole('button', { name: '가입하기' }).click();
  await assert.doesNotReject(page.getByText('비밀번호는 10자 이상이어야 합니다.').waitFor());
  await snap(page, 'signup-error-phone-ko');
  await page.getByLabel(/비밀번호/).fill('a-long-password');
  await page.getByRole('button', { name: '가입하기' }).click();
  await page.waitForURL(/\/account/);
  assert.equal(await page.locator('#account-name').textContent(), '김지민');
  await assert.doesNotReject(page.getByText('가입을 환영합니다!').waitFor());
  await snap(page, 'account-phone-ko');

  await page.getByRole('button', { name: '로그아웃' }).click();
  await page.waitForURL(`${server.url}/`);
  await page.getByRole('link', { name: '로그인' }).first().click();
  await page.getByLabel('이메일').fill('jimin@example.com');
  await page.getByLabel('비밀번호').fill('a-long-password');
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL(/\/account$/);
  assert.equal(await page.locator('#account-email').textContent(), 'jimin@example.com');
  await context.close();
});

test('the language switch turns the site to English and back', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByRole('link', { name: 'EN' }).click();
  await page.waitForURL(/\/en\/login$/);
  assert.equal(await page.locator('h1').textContent(), 'Log in');
  await page.getByLabel('Email').fill('operator@brilliant.example');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await assert.doesNotReject(page.getByText('Email or password is wrong.').waitFor());
  await snap(page, 'login-error-desktop-en');
  await page.getByLabel('Password').fill('brilliant-demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/en\/account$/);
  await assert.doesNotReject(page.locator('.chip', { hasText: 'Operator' }).waitFor());
  await snap(page, 'account-desktop-en');
  await page.getByRole('link', { name: '한국어' }).click();
  assert.equal(await page.locator('h1').textContent(), '내 계정');
  await page.goto(`${server.url}/en/`);
  await snap(page, 'home-desktop-en');
  await context.close();
});

test('every page these journeys visited meets WCAG 2.2 AA (axe-core: no serious or critical violation)', async () => {
  assert.deepEqual(await browser.auditAccessibility(), []);
});
