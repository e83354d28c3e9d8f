// Screenshots of any pages as one demo account sees them, desktop and phone (not a test):
// node tests/e2e/shots.mjs URL OUTDIR EMAIL|- PATH... (e.g. operator@brilliant.example /operator/marketing)
import { launchBrowser } from './server.js';
const [,, url, out, email, ...paths] = process.argv;
const browser = await launchBrowser();
for (const [tag, viewport] of [['desk', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  const page = await browser.newPage({ viewport, locale: 'ko-KR', isMobile: tag === 'phone' });
  if (email !== '-') {
    await page.goto(`${url}/login`);
    await page.getByLabel('이메일').fill(email);
    await page.getByLabel('비밀번호').fill('brilliant-demo');
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForLoadState('networkidle');
  }
  for (const p of paths) {
    const r = await page.goto(url + p);
    await page.waitForLoadState('networkidle');
    const name = p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
    await page.screenshot({ path: `${out}/${tag}-${name}.png`, fullPage: true });
    console.log(tag, p, r.status());
  }
  await page.close();
}
await browser.close();
