import { launchBrowser } from './server.js';
import { axeViolations, describeViolations } from './axe.js';
const [,, url, ...pages] = process.argv;
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });
for (const p of pages) {
  await page.goto(url + p);
  const v = await axeViolations(page);
  if (v.length) console.log(describeViolations(p, v));
}
await browser.close();
