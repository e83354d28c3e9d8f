// Screenshots of pages for people to look at (not a test), desktop and phone, full length, as one demo
// account sees them or logged out:
//   node tests/e2e/shots.mjs URL OUTDIR EMAIL|- PATH...  (e.g. operator@brilliant.example /operator/marketing)
// tour.mjs calls it with the public pages.
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './server.js';

export async function screenshots(url, out, email, paths) {
  const browser = await launchBrowser();
  for (const [tag, viewport] of [['desk', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const page = await browser.newPage({ viewport, locale: 'ko-KR', isMobile: tag === 'phone' });
    if (email && email !== '-') {
      await page.goto(`${url}/login`);
      await page.getByLabel('이메일').fill(email);
      await page.getByLabel('비밀번호').fill('brilliant-demo');
      await page.getByRole('button', { name: '로그인' }).click();
      await page.waitForLoadState('networkidle');
    }
    for (const p of paths) {
      const r = await page.goto(url + p);
      // Scrolled through once, so that lazy images load before the shot.
      for (let y = 0; y < 12000; y += 700) await page.evaluate((to) => window.scrollTo(0, to), y);
      await page.evaluate(() => window.scrollTo(0, 0));  // the sticky header back at the top of the shot
      await page.waitForLoadState('networkidle');
      const name = p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
      await page.screenshot({ path: `${out}/${tag}-${name}.png`, fullPage: true });
      console.log(tag, p, r.status());
    }
    await page.close();
  }
  await browser.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [,, url, out, email, ...paths] = process.argv;
  await screenshots(url, out, email, paths);
}
