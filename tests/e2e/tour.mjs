// Screenshots of public pages for people to look at (not a test): node tests/e2e/tour.mjs URL OUTDIR
import { launchBrowser } from './server.js';
const [,, url, out] = process.argv;
const pages = ['/', '/shop', '/products/dewdrop-14k-rose-gold-amethyst-earrings-1', '/workshops',
  '/workshops/mireuk-jewelry', '/eco', '/certificates', '/live', '/academy', '/join', '/cart', '/login',
  '/en/', '/en/products/pine-needle-14k-gold-moissanite-necklace-4', '/en/certificates', '/en/eco'];
const browser = await launchBrowser();
for (const [tag, viewport] of [['desk', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  const page = await browser.newPage({ viewport, locale: 'ko-KR', isMobile: tag === 'phone' });
  for (const p of pages) {
    const r = await page.goto(url + p);
    for (let y = 0; y < 12000; y += 700) await page.evaluate((to) => window.scrollTo(0, to), y);
    await page.waitForLoadState('networkidle');
    const name = p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
    await page.screenshot({ path: `${out}/${tag}-${name}.png`, fullPage: true });
    console.log(tag, p, r.status());
  }
  await page.close();
}
await browser.close();
