// A live show in a real browser (issue 18): the maker opens the show's panel and makes a stream key; a
// shopper asks for a reminder on the show page; ffmpeg streams a test picture over RTMP to the project's
// nginx with that key, and the shopper's page goes live and plays the HLS video (hls.js); the shopper
// chats and the maker sees it; the maker pins a piece and starts a deal, and the shopper buys it from the
// drawer without leaving the show; when the stream stops, the show ends. Then the replay of the demo's
// ended show plays. Simulcast: before going live the maker adds a second nginx (standing in for YouTube
// Live) as a push target on the panel; the server's relay copies the stream there (its HLS appears) and
// the panel shows the target live.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, snap, freePort } from './server.js';
import { login } from './demo.js';

let server;
let browser;
let ffmpeg;
let platform;  // a second nginx-rtmp standing in for a streaming platform (the simulcast target)

// nginx with the RTMP module accepting any stream on /live2 and writing its HLS under dir/hls. Its port is
// chosen before nginx binds it; when another process took it first, a new one is chosen.
async function startPlatform() {
  for (let attempt = 1; ; attempt += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'brilliant-platform-'));
    const port = freePort();
    writeFileSync(join(dir, 'nginx.conf'), `load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
${process.getuid() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
rtmp { server { listen 127.0.0.1:${port}; application live2 { live on; record off; hls on; hls_path ${dir}/hls; hls_nested on; hls_fragment 2s; } } }
http { access_log off; client_body_temp_path ${dir}/cb; proxy_temp_path ${dir}/p; fastcgi_temp_path ${dir}/f; uwsgi_temp_path ${dir}/u; scgi_temp_path ${dir}/s; }
`);
    const started = spawnSync('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')]);
    if (started.status === 0) {
      const stop = () => {
        spawnSync('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-s', 'stop']);
        // nginx may still be finishing its last HLS segment as it exits: removal retries, and never fails the test.
        try { rmSync(dir, { recursive: true, force: true, maxRetries: 5 }); } catch {}
      };
      return { url: `rtmp://127.0.0.1:${port}/live2`, dir, stop };
    }
    if (!String(started.stderr).includes('Address already in use') || attempt === 4) {
      throw new Error(`the stand-in platform's nginx did not start: ${started.stderr}`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

before(async () => {
  server = await startServer({ live: true });
  platform = await startPlatform();
  browser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
});
after(async () => { ffmpeg?.kill('SIGKILL'); platform?.stop(); await browser?.close(); await server?.stop(); });

test('a shopper watches a live show, chats, and buys its deal without leaving it', async () => {
  const makerContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const maker = await makerContext.newPage();
  await maker.goto(`${server.url}/login`);
  await login(maker, 'maker@brilliant.example');
  await maker.goto(`${server.url}/console/live`);
  await maker.locator('#show-table a').first().click();
  const panelUrl = maker.url();
  await maker.getByRole('button', { name: '새 스트림 키 만들기' }).click();
  const key = (await maker.locator('#stream-key').innerText()).trim();
  assert.match(key, /^[A-Za-z0-9_-]{32}$/, 'the key is shown once');
  // Simulcast: the stand-in platform's ingest address and its stream key.
  const targetForm = maker.locator('#target-form');
  await targetForm.getByLabel('이름 (선택)').fill('테스트 채널');
  await targetForm.getByLabel('RTMP 주소').fill(platform.url);
  await targetForm.getByLabel('스트림 키').fill('relay-test-key');
  await targetForm.getByRole('button', { name: '송출 대상 추가' }).click();
  const target = maker.locator('#simulcast [data-target-id]', { hasText: '테스트 채널' });
  await target.waitFor();
  assert.equal(await target.locator('.target-state').getAttribute('data-state'), 'idle');
  assert.equal((await maker.content()).includes('relay-test-key'), false, 'the key is never shown back');

  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await login(page, 'shopper@brilliant.example');
  await page.goto(`${server.url}/live`);
  await page.locator('.show-tile').first().click();
  await page.getByRole('button', { name: '방송 알림 받기' }).click();
  await page.locator('#reminded').waitFor();
  await page.locator('#live-show[data-connected="1"]').waitFor();
  await snap(page, 'live-upcoming-phone-ko');

  // Go live: a test picture over RTMP, as OBS would send it.
  ffmpeg = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=25',
                            '-f', 'lavfi', '-i', 'sine=frequency=440', '-c:v', 'libx264', '-preset', 'veryfast', '-g', '50',
                            '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-t', '120', '-f', 'flv', `${server.rtmp}/${key}`],
                 { stdio: 'ignore' });
  await page.locator('#live-show[data-state="live"]').waitFor({ timeout: 20000 });
  await page.waitForFunction(() => (document.getElementById('live-video')?.currentTime ?? 0) > 0.5, null, { timeout: 45000 });

  await page.getByLabel('채팅 메시지').fill('13호도 있나요?');
  await page.getByRole('button', { name: '보내기', exact: true }).click();
  await page.locator('#chat-lines li', { hasText: '13호도 있나요?' }).waitFor();
  await maker.goto(panelUrl);
  await maker.locator('#chat-lines li', { hasText: '13호도 있나요?' }).waitFor();
  // The checklist: the stream is in, and its segments (cut at keyframes, every 2 s here) are short.
  await maker.locator('#check-stream.is-done').waitFor();
  await maker.locator('#check-keyframes.is-done').waitFor();
  assert.match(await maker.locator('#segment-seconds').innerText(), /2/);
  // The relay copies the stream to the platform: its HLS appears there, and the panel says so.
  await maker.locator('#simulcast .target-state[data-state="live"]').waitFor({ timeout: 30000 });
  for (let i = 0; i < 100 && !existsSync(join(platform.dir, 'hls', 'relay-test-key', 'index.m3u8')); i++) {
    await maker.waitForTimeout(200);
  }
  assert.ok(existsSync(join(platform.dir, 'hls', 'relay-test-key', 'index.m3u8')), 'the platform received the stream');
  await snap(maker, 'live-panel-simulcast-desktop-ko');

  await maker.getByRole('button', { name: '지금 소개' }).first().click();
  await page.locator('#now-showing:not([hidden])').waitFor();
  await maker.getByRole('button', { name: '특가 시작' }).first().click();
  const deal = page.locator('.deal[data-phase="open"]').first();
  await deal.waitFor();
  assert.match(await deal.locator('[data-countdown]').innerText(), /\d:\d\d/);
  await deal.getByText('특가로 구매').click();
  await deal.getByLabel('받는 분').fill('김지민');
  await deal.getByLabel('휴대전화').fill('010-2345-6789');
  await deal.getByLabel('우편번호').fill('54538');
  await deal.getByLabel('주소', { exact: true }).fill('전북 익산시 보석로 1');
  await deal.getByRole('button', { name: '주문하기' }).click();
  const done = deal.locator('[data-deal-done]');
  await done.waitFor();
  assert.match(await done.innerText(), /BR-\d{6}-/);
  assert.equal(page.url().includes('/live/'), true, 'the shopper never left the show');
  await snap(page, 'live-deal-bought-phone-ko');
  // The host's panel counts the sale as it happens, without a reload.
  await maker.locator('#panel-orders', { hasText: '1' }).waitFor();
  assert.match(await maker.locator('#panel-revenue').innerText(), /[1-9][0-9,]*원/);
  await snap(maker, 'live-panel-desktop-ko');

  ffmpeg.kill('SIGINT');  // the stream stops: nginx tells the server, the show ends
  await page.locator('#live-show[data-state="ended"]').waitFor({ timeout: 20000 });

  // The demo's earlier show plays as a replay.
  await page.goto(`${server.url}/live`);
  await page.locator('.show-tile', { hasText: '다시 보기' }).click();
  // The click navigates: the video is waited for on the replay's page, not on the list being left.
  await page.locator('#live-show[data-state="ended"]').waitFor();
  await page.waitForFunction(() => (document.getElementById('live-video')?.currentTime ?? 0) > 0.5, null, { timeout: 30000 });
  await page.locator('#chat-lines li').first().waitFor();  // its chat, in step with the video
  await page.goto(`${server.url}/en/live`);
  assert.match(await page.locator('h1').innerText(), /Live/);

  const problems = await browser.auditAccessibility();
  assert.deepEqual(problems, [], problems.join('\n'));
});
