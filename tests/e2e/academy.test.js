// The academy in a real browser. In Korean, the demo workshop's owner (who attended "Campaigns and
// coupons") opens their training, sees the coupon and campaign tasks still to do, makes a coupon for the
// workshop and sends themselves a test of a campaign in the console, comes back to find the tasks done, takes the certificate, sees it verified in the browser
// and downloads its PDF, whose text (pdftotext) names them and the course. In English on a phone, the
// owner enrols the designer in a session from the course page, and the instructor opens the trainee's
// door QR link and checks them in with one big button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, snap } from './server.js';
import { login } from './demo.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('a trainee does the practice task and downloads the certificate (Korean)', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/academy`);
  assert.equal(await page.locator('.course-card').count(), 3);
  await snap(page, 'academy-ko');
  await page.goto(`${server.url}/login`);
  await login(page, 'maker@brilliant.example');
  await page.goto(`${server.url}/console/academy`);
  const course = page.locator('#course-campaigns-and-coupons');
  const task = course.locator('[data-task="coupon"]');
  assert.match(await task.getAttribute('class'), /task-open/);
  assert.equal(await course.locator('#claim').count(), 0, 'no certificate before the task is done');
  await snap(page, 'academy-console-ko');

  await page.goto(`${server.url}/console/marketing/coupons`);
  await page.locator('.coupon-new summary').click();
  await page.getByLabel('이름 (한국어)').fill('단골 10% 감사');
  await page.getByLabel('이름 (영어)').fill('Regulars 10% off');
  await page.getByLabel(/^쿠폰 코드/).fill('REGULAR10');
  await page.getByLabel(/^할인 값/).fill('10');
  await page.locator('#coupon-create').click();
  await page.waitForURL(/\/console\/marketing\/coupons\?made=/);

  // The campaign task: a mail written in the console and sent to oneself as a test.
  const campaignTask = course.locator('[data-task="campaign"]');
  await page.goto(`${server.url}/console/academy`);
  assert.match(await campaignTask.getAttribute('class'), /task-open/);
  await page.goto(`${server.url}/console/marketing/campaigns`);
  await page.locator('.coupon-new summary').click();
  await page.locator('#campaign-name').fill('단골 고객 인사');
  await page.locator('#subject_a').fill('{name} 님, 겨울 반지가 왔어요');
  await page.locator('#body_a').fill('새로 만든 반지를 소개합니다.');
  await page.locator('#campaign-create').click();
  await page.waitForURL(/\/console\/marketing\/campaigns\?made=/);
  await page.locator('#campaign-list .coupon-card').first().locator('button[id^="test-"]').click();
  await page.waitForURL(/\/console\/marketing\/campaigns\?tested=/);
  await snap(page, 'academy-campaign-test-ko');

  await page.goto(`${server.url}/console/academy`);
  assert.match(await task.getAttribute('class'), /task-done/);
  assert.match(await task.textContent(), /REGULAR10/);
  assert.match(await campaignTask.getAttribute('class'), /task-done/);
  await course.locator('#claim').click();
  await page.waitForURL(/\/academy\/certificates\/AC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const number = (await page.locator('#certificate-number').textContent()).trim();
  await assert.doesNotReject(page.locator('.verify-state[data-state="ok"]').waitFor({ timeout: 10000 }));
  await snap(page, 'academy-certificate-ko');

  const pdf = await page.request.get(`${server.url}/academy/certificates/${number}.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'academy-pdf-'));
  writeFileSync(join(dir, 'c.pdf'), await pdf.body());
  const text = execFileSync('pdftotext', [join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
  for (const want of ['보석공방 장인', '캠페인과 쿠폰', 'Campaigns and coupons', number, 'Certificate of Completion'])
    assert.ok(text.includes(want), `${want} in the PDF's text:\n${text}`);
  await context.close();
});

test('an owner enrols staff and the instructor checks a trainee in at the door (English, phone)', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/en/login`);
  await login(page, 'maker@brilliant.example', /\/en\/account$/);
  await page.goto(`${server.url}/en/academy/courses/ai-copy-and-photos`);
  await page.locator('#user_id').selectOption({ label: '박견습' });
  await page.locator('#enrol-form button[type="submit"]').click();
  await page.waitForURL(/\/en\/academy\/courses\/ai-copy-and-photos\?enrolled=enrolled/);
  assert.match(await page.locator('#team').textContent(), /박견습/);
  await snap(page, 'academy-course-phone-en');

  // The maker's own seat in that course: the QR on their page leads to the door's check-in.
  const mine = await (await page.request.get(`${server.url}/api/v1/console/academy`)).json();
  const seat = mine.enrolments.find((e) => e.session.course === 'ai-copy-and-photos' && e.state === 'enrolled');
  assert.ok(seat, 'the maker holds a seat in the copy course');
  await page.goto(`${server.url}/en/console/academy`);
  await assert.doesNotReject(page.locator('#course-ai-copy-and-photos .checkin-qr svg').waitFor());
  await snap(page, 'academy-console-phone-en');

  const door = await (await browser.newContext({ locale: 'en-US', viewport: { width: 820, height: 1180 } })).newPage();
  await door.goto(`${server.url}/en/login`);
  await login(door, 'operator@brilliant.example', /\/en\/account$/);
  await door.goto(`${server.url}/en/academy/checkin/${seat.checkin_token}`);
  assert.match(await door.locator('#checkin').textContent(), /보석공방 장인/);
  await door.locator('#checkin-button').click();
  await assert.doesNotReject(door.locator('#checked-in').waitFor());
  await snap(door, 'academy-checkin-tablet-en');
  await door.goto(`${server.url}/en/academy/teach`);
  assert.match(await door.locator('main').textContent(), /보석공방 장인/);
  await snap(door, 'academy-teach-en');
});

test('every page these journeys visited meets WCAG 2.2 AA (axe-core: no serious or critical violation)', async () => {
  assert.deepEqual(await browser.auditAccessibility(), []);
});
