// Screenshots of console pages for people to look at (not a test): node tests/e2e/look.mjs URL OUTDIR
import { launchBrowser } from './server.js';
const [,, url, out] = process.argv;
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
async function login(email) {
  await page.goto(`${url}/login`);
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill('brilliant-demo');
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL(/account/);
}
await login('maker@brilliant.example');
await page.goto(`${url}/join`);
await page.getByLabel('상호').fill('달빛 금공방');
await page.getByLabel(/사업자등록번호/).fill('220-81-62518');
await page.getByRole('button', { name: '신청하기' }).click();
await page.screenshot({ path: `${out}/join-error.png`, fullPage: true });
await page.getByLabel(/사업자등록번호/).fill('220-81-62517');
await page.getByLabel('대표자').fill('김장인');
await page.getByLabel(/주소/).fill('전북 익산시 왕궁면 보석로 7');
await page.getByLabel('연락처').fill('063-123-4567');
await page.getByLabel('정산 은행').fill('전북은행');
await page.getByLabel('계좌번호').fill('1234-567-890');
await page.getByLabel('예금주').fill('김장인');
await page.getByRole('button', { name: '신청하기' }).click();
await page.screenshot({ path: `${out}/join-status.png`, fullPage: true });
await page.context().clearCookies();
await login('operator@brilliant.example');
await page.goto(`${url}/operator/applications`);
await page.getByRole('link', { name: '보기' }).first().click();
await page.screenshot({ path: `${out}/operator-review.png`, fullPage: true });
await page.goto(`${url}/operator/pricing`);
await page.screenshot({ path: `${out}/operator-pricing.png`, fullPage: true });
await browser.close();
