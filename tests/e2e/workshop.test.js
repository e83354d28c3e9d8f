// The spine's first steps in a real browser: a workshop lists a piece with a photo, sends it for
// review, the operator approves it, and it shows in the store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, launchBrowser, snap } from './server.js';
import { png } from './png.js';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// A small photo: a warm gradient with a disc.
function pngPhoto(size = 240) {
  return png(size, size, (x, y) => {
    const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 4) ** 2;
    return inside ? [230, 190, 90] : [200 + (x * 40) / size, 170 + (y * 40) / size, 150];
  });
}

// A phone photo's size: 2000 x 1800 pixels of grain, about 10 MB however it is compressed.
function phonePhoto() {
  let seed = 7;
  const grain = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed >>> 23; };
  return png(2000, 1800, (x, y) => [150 + (grain() & 63), 120 + (grain() & 63), 90 + (grain() & 63)]);
}

async function login(page, email) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill('brilliant-demo');
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL(/\/account$/);
}

test('the copy assistant drafts from the facts, refuses a karat the piece does not have, and publishes reviewed copy', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await login(page, 'maker@brilliant.example');
  await page.goto(`${server.url}/console/products`);
  await page.getByRole('link', { name: '문구 도우미' }).first().click();
  await page.waitForURL(/\/copy$/);
  await assert.doesNotReject(page.getByText('사실과 어긋나는 내용이 없습니다.').waitFor());
  const title = page.getByLabel('작품명 (한국어)');
  const drafted = await title.inputValue();
  assert.match(drafted, /(\d+K|925|Pt\d+) /, 'the title states the metal\'s fineness');
  assert.match(await page.getByLabel('설명 (한국어)').inputValue(), /장인이 손으로 만든/);
  await snap(page, 'copy-assistant-desktop-ko');
  // A karat the piece does not have is refused, with the reason, and the text typed is kept.
  const lie = drafted.startsWith('18K') ? drafted.replace('18K', '14K') : `18K ${drafted}`;
  await title.fill(lie);
  await page.getByRole('button', { name: '사실 확인 후 게시' }).click();
  await assert.doesNotReject(page.locator('#copy-error').waitFor());
  assert.match(await page.locator('#copy-error').textContent(), /title_ko/);
  assert.equal(await title.inputValue(), lie);
  await snap(page, 'copy-assistant-refused-ko');
  await title.fill(drafted);
  await page.getByRole('button', { name: '사실 확인 후 게시' }).click();
  await assert.doesNotReject(page.locator('#copy-saved').waitFor());
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, 'copy-assistant-phone-ko');
  await context.close();
});

test('a workshop lists a piece with a photo; the operator approves; it is in the store', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await login(page, 'maker@brilliant.example');
  await page.goto(`${server.url}/console/products/new`);
  await page.getByLabel('작품명 (한국어)').fill('은하수 로즈골드 반지');
  await page.getByLabel('작품명 (영어)').fill('Milkyway Rose Gold Ring');
  await page.getByLabel('순도').fill('585');
  await page.getByLabel('색상').selectOption('rose');
  await page.getByLabel('중량 (g)').fill('2.4');
  await page.getByLabel('공임 (원)').fill('90000');
  await page.getByLabel('옵션별 재고').fill('2');
  await page.getByLabel('작품 이야기 (한국어)').fill('밤하늘을 닮은 반지입니다.');
  await page.getByLabel('작품 이야기 (영어)').fill('A ring like the night sky.');
  await page.getByRole('button', { name: '임시 저장' }).click();
  await page.waitForURL(/\/console\/products$/);
  const row = page.locator('tr', { hasText: '은하수 로즈골드 반지' });
  await row.locator('input[type=file]').setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: pngPhoto() });
  await assert.doesNotReject(row.locator('[data-progress]', { hasText: '✓ 1' }).waitFor());
  await snap(page, 'console-products');
  await row.getByRole('button', { name: '심사 요청' }).click();
  await page.waitForURL(/\/console\/products$/);
  assert.match(await page.locator('tr', { hasText: '은하수 로즈골드 반지' }).textContent(), /심사 중/);

  await page.getByRole('button', { name: '로그아웃' }).click();
  await login(page, 'operator@brilliant.example');
  await page.goto(`${server.url}/operator/reviews`);
  await page.locator('tr', { hasText: '은하수 로즈골드 반지' }).getByRole('link').click();
  await assert.doesNotReject(page.locator('[data-check="photos"].is-ok').waitFor());
  await snap(page, 'operator-product-review');
  await page.getByRole('button', { name: '승인' }).click();
  await page.waitForURL(/\/operator\/reviews$/);

  await page.goto(`${server.url}/search?q=${encodeURIComponent('은하수')}`);
  await page.locator('.card-link', { hasText: '은하수 로즈골드 반지' }).click();
  await page.waitForURL(/\/products\/milkyway-rose-gold-ring-/);
  const srcset = await page.locator('#gallery-main').getAttribute('srcset');
  assert.match(srcset, /\/media\/photos\/[0-9a-f]{64} \d+w/);
  await snap(page, 'approved-product');
  await context.close();
});

test('on a phone, a workshop uploads photos (one of 10 MB) with progress, picks the cover and describes it', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await login(page, 'maker@brilliant.example');
  await page.goto(`${server.url}/console/products`);
  await page.getByRole('link', { name: '사진 관리' }).first().click();
  await page.waitForURL(/\/console\/products\/[^/]+\/photos$/);
  const tiles = page.locator('.photo-tile');
  const before = await tiles.count();
  await page.locator('#photo-files').setInputFiles([
    { name: 'front.png', mimeType: 'image/png', buffer: pngPhoto(260) },
    { name: 'side.png', mimeType: 'image/png', buffer: phonePhoto() },
  ]);
  // Each file gets a row with a progress bar; when all are in, the page shows them in the grid.
  await assert.doesNotReject(tiles.nth(before + 1).waitFor());
  const last = tiles.nth(before + 1);
  const lastId = await last.getAttribute('data-photo-id');
  await last.getByRole('button', { name: '대표 사진으로' }).click();
  await page.waitForURL(/photos\?saved=1$/);
  assert.equal(await tiles.first().getAttribute('data-photo-id'), lastId);
  assert.match(await tiles.first().textContent(), /대표/);
  await page.locator(`#alt_ko_${lastId}`).fill('옆에서 본 반지');
  await page.getByRole('button', { name: '대체 텍스트 저장' }).click();
  await page.waitForURL(/photos\?saved=1$/);
  assert.equal(await page.locator(`#alt_ko_${lastId}`).inputValue(), '옆에서 본 반지');
  // The photo coach has looked at each photo: the small front shot is too small for the channels, and
  // the 10 MB phone photo of grain has no white background.
  assert.equal(await tiles.locator('.coach-advice').count(), await tiles.count());
  assert.match(await page.locator(`.photo-tile[data-photo-id="${lastId}"] .coach-advice`).textContent(), /배경이 흰색이 아닙니다/);
  await snap(page, 'console-photos-phone');
  // The dashboard opens from the console's navigation with its six numbers.
  await page.getByRole('link', { name: '대시보드' }).click();
  await page.waitForURL(/\/console$/);
  assert.equal(await page.locator('#dashboard-stats .stat').count(), 6);
  for (const stat of ['views_7', 'adds_7', 'orders_7', 'revenue_30', 'conversion_30'])
    assert.equal(await page.locator(`[data-stat="${stat}"]`).count(), 1, stat);
  await snap(page, 'dashboard-phone');
  await context.close();
});

test('a workshop edits its pieces as CSV; the operator suspends and reinstates it', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await login(page, 'maker@brilliant.example');
  // Export, change one stock cell, import the file through the page.
  const exported = await page.request.get(`${server.url}/console/products.csv`);
  assert.equal(exported.status(), 200);
  const lines = (await exported.text()).replace(/^\uFEFF/, '').split('\r\n');
  const header = lines[0].split(',');
  const stock = header.indexOf('stock');
  const sku = header.indexOf('sku');
  // The first data row whose cells hold no quotes (simple to edit here).
  const row = lines.slice(1).find((l) => l && !l.includes('"'));
  const cells = row.split(',');
  cells[stock] = '7';
  const edited = [lines[0], cells.join(',')].join('\r\n') + '\r\n';
  await page.goto(`${server.url}/en/console/import`);
  await page.locator('#csv-file').setInputFiles({ name: 'pieces.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) });
  await assert.doesNotReject(page.waitForFunction(() => document.getElementById('csv').value.includes('\n')));
  await page.getByRole('button', { name: 'Import' }).click();
  await assert.doesNotReject(page.locator('#import-result').waitFor());
  await page.goto(`${server.url}/en/console/stock`);
  assert.equal(await page.locator(`tr:has-text("${cells[sku]}") input[name^=stock_]`).inputValue(), '7');

  await page.getByRole('button', { name: 'Log out' }).click();
  await login(page, 'operator@brilliant.example');
  await page.goto(`${server.url}/en/operator/workshops`);
  await page.locator('a[href="/en/operator/workshops/iksan-gold"]').click();
  await page.getByRole('button', { name: 'Suspend the workshop' }).click();
  await assert.doesNotReject(page.locator('.field-error').waitFor());  // a reason is required
  await page.getByLabel('Reason').fill('Hallmark photos missing on three pieces');
  await page.getByRole('button', { name: 'Suspend the workshop' }).click();
  await assert.doesNotReject(page.locator('.timeline', { hasText: 'Hallmark photos missing' }).waitFor());
  assert.equal((await page.request.get(`${server.url}/en/workshops/iksan-gold`)).status(), 404);
  await snap(page, 'operator-workshop-suspended');
  await page.getByRole('button', { name: 'Reinstate the workshop' }).click();
  await assert.doesNotReject(page.locator('.chip', { hasText: 'Active' }).waitFor());
  assert.equal((await page.request.get(`${server.url}/en/workshops/iksan-gold`)).status(), 200);
  await context.close();
});

// The newest mail to an address, read from the server's outbox (the mail an SMTP server would carry).
function lastMailTo(address) {
  const script = 'import sqlite3,sys\n' +
    'row = sqlite3.connect(sys.argv[1]).execute("SELECT body_text FROM outbox WHERE to_address = ? ORDER BY id DESC LIMIT 1", (sys.argv[2],)).fetchone()\n' +
    'print(row[0] if row else "")';
  return execFileSync('python3', ['-c', script, server.database, address], { encoding: 'utf8' });
}

test('the owner invites a helper by email; the helper signs up, accepts and works as staff', async () => {
  const owner = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const page = await owner.newPage();
  await login(page, 'maker@brilliant.example');
  await page.goto(`${server.url}/console/staff`);
  const helper = `helper-${Date.now()}@example.com`;
  await page.getByLabel('초대할 이메일').fill(helper);
  await page.getByRole('button', { name: '초대 보내기' }).click();
  await assert.doesNotReject(page.locator('#invitations', { hasText: helper }).waitFor());
  const link = lastMailTo(helper).match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/);
  assert.ok(link, 'the invitation mail carries a link');
  await owner.close();

  const guest = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true });
  const phone = await guest.newPage();
  await phone.goto(link[0]);
  await phone.locator('.invitation-card a[href*="/signup"]').click();
  await phone.getByLabel('이메일').fill(helper);
  await phone.getByLabel('이름').fill('도우미');
  await phone.getByLabel('비밀번호').fill('a-long-password');
  await phone.getByRole('button', { name: '가입하기' }).click();
  await phone.waitForURL(/\/invitations\//);
  await snap(phone, 'invitation-phone');
  await phone.getByRole('button', { name: '공방에 합류하기' }).click();
  await phone.waitForURL(/\/console\/products\?joined=/);
  await phone.goto(`${server.url}/console/staff`);
  assert.match(await phone.locator('#members').textContent(), /도우미/);
  assert.equal(await phone.getByLabel('초대할 이메일').count(), 0);  // staff do not invite
  await guest.close();
});

test('a second workshop tells where it is and what it makes in English, and cannot open the first one\'s pieces', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await login(page, 'mireuk@brilliant.example');
  await page.goto(`${server.url}/console/profile`);
  await page.getByLabel('위치(영어)').fill('Wanggung-myeon, Iksan, North Jeolla');
  await page.getByLabel('전문 분야(영어)').fill('Baekje-pattern pendants and rings');
  await page.getByRole('button', { name: '저장' }).click();
  await page.waitForURL(/\/console\/profile\?saved=1$/);
  assert.equal(await page.getByLabel('전문 분야(영어)').inputValue(), 'Baekje-pattern pendants and rings');

  await page.goto(`${server.url}/en/workshops/mireuk-jewelry`);
  const heading = page.locator('main');
  await assert.doesNotReject(heading.getByText('Wanggung-myeon, Iksan, North Jeolla').waitFor());
  await assert.doesNotReject(heading.getByText(/Baekje-pattern pendants and rings/).waitFor());
  assert.doesNotMatch(await heading.textContent(), /백제 문양 펜던트/);
  await page.goto(`${server.url}/workshops/mireuk-jewelry`);
  assert.match(await page.locator('main').textContent(), /백제 문양 펜던트/);
  await snap(page, 'workshop-profile-en');

  // The other workshop's piece: its edit page is refused to this workshop's staff.
  const theirs = await (await page.request.get(`${server.url}/api/v1/products?workshop=iksan-gold`)).json();
  assert.ok(theirs.cards.length > 0, 'the first workshop has pieces on sale');
  const refused = await page.goto(`${server.url}/console/products/${theirs.cards[0].slug}/edit`);
  assert.equal(refused.status(), 403);
  await context.close();
});

test('every page these journeys visited meets WCAG 2.2 AA (axe-core: no serious or critical violation)', async () => {
  assert.deepEqual(await browser.auditAccessibility(), []);
});
