// Screenshots of the live pages for people to look at (not a test), desktop and phone:
//   node tests/e2e/look_live.mjs URL OUTDIR UPCOMING_SLUG REPLAY_SLUG   (a demo server with BRILLIANT_LIVE_HLS_DIR set)
import { launchBrowser } from './server.js';
const [,, url, out, upcoming, replay] = process.argv;
const browser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
for (const [w, h, tag] of [[1280, 900, 'desk'], [390, 844, 'phone']]) {
  const page = await browser.newPage({ viewport: { width: w, height: h }, locale: 'ko-KR' });
  await page.goto(`${url}/login`);
  await page.getByLabel('이메일').fill('shopper@brilliant.example');
  await page.getByLabel('비밀번호').fill('brilliant-demo');
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL(/account/);
  await page.goto(`${url}/live`);
  await page.screenshot({ path: `${out}/live-list-${tag}.png`, fullPage: true });
  await page.goto(`${url}/live/${upcoming}`);
  await page.waitForSelector('[data-connected="1"]');
  await page.screenshot({ path: `${out}/live-upcoming-${tag}.png`, fullPage: true });
  await page.goto(`${url}/live/${replay}`);
  await page.waitForTimeout(2500);
  console.log('replay time', await page.evaluate(() => document.getElementById('live-video').currentTime));
  await page.screenshot({ path: `${out}/live-replay-${tag}.png`, fullPage: true });
  await page.close();
}
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
await page.goto(`${url}/login`);
await page.getByLabel('이메일').fill('operator@brilliant.example');
await page.getByLabel('비밀번호').fill('brilliant-demo');
await page.getByRole('button', { name: '로그인' }).click();
await page.waitForURL(/account|operator/);
await page.goto(`${url}/console/live/${upcoming}`);
await page.screenshot({ path: `${out}/live-panel.png`, fullPage: true });
await page.goto(`${url}/operator/live`);
await page.screenshot({ path: `${out}/live-operator.png`, fullPage: true });
await page.goto(`${url}/console/live`);
await page.screenshot({ path: `${out}/live-console.png`, fullPage: true });
await browser.close();
