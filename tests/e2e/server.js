// Starts the real brilliant binary on a free port with a fresh SQLite database for one test file,
// and launches Debian's chromium through playwright-core (no browser download).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { axeViolations, describeViolations } from './axe.js';

const root = resolve(new URL('../..', import.meta.url).pathname);

// A free loopback port (bound, read, released).
export function freePort() {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

// The stand-in Toss Payments server (tests/fake_toss) on a free port, for card payments.
async function startFakeToss() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'tests/fake_toss/server.mjs'), '--port', String(port)],
                      { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok, fail) => {
    child.stdout.on('data', (d) => { if (String(d).includes('listening')) ok(); });
    child.on('exit', (code) => fail(new Error(`fake toss exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    env: { BRILLIANT_TOSS_API_URL: url, BRILLIANT_TOSS_WINDOW_URL: `${url}/window`,
           BRILLIANT_TOSS_CLIENT_KEY: 'test_ck_brilliant_demo', BRILLIANT_TOSS_SECRET_KEY: 'test_sk_brilliant_demo' },
    stop() { const exited = new Promise((ok) => child.on('exit', ok)); child.kill('SIGTERM'); return exited; },
  };
}

// nginx with the RTMP module for live shows (scripts/live-dev.sh), answering this server's port.
async function startNginx(dir, appPort) {
  const rtmpPort = await freePort();
  const script = join(root, 'scripts/live-dev.sh');
  const code = await new Promise((ok) => spawn('bash', [script, 'start', join(dir, 'nginx'), String(appPort), String(rtmpPort)],
                                              { stdio: 'inherit' }).on('exit', ok));
  if (code !== 0) throw new Error(`live-dev.sh exited with ${code}`);
  return {
    rtmp: `rtmp://127.0.0.1:${rtmpPort}/live`,
    env: { BRILLIANT_LIVE_HLS_DIR: join(dir, 'nginx/hls'), BRILLIANT_LIVE_RTMP_URL: `rtmp://127.0.0.1:${rtmpPort}/live` },
    stop: () => new Promise((ok) => spawn('bash', [script, 'stop', join(dir, 'nginx')]).on('exit', ok)),
  };
}

// options.toss: card payments through the stand-in Toss server (its address is server.toss).
// options.live: nginx-rtmp in front for live shows (server.rtmp is where to stream).
export async function startServer(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'brilliant-e2e-'));
  const port = await freePort();
  const toss = options.toss ? await startFakeToss() : null;
  const nginx = options.live ? await startNginx(dir, port) : null;
  const binary = process.env.BRILLIANT_BINARY || join(root, 'build/debug/brilliant');
  const child = spawn(binary, ['serve', '--root', root, '--db', `sqlite:${join(dir, 'e2e.db')}`, '--port', String(port),
                               '--demo-products', '80'], {
    env: { ...process.env, BRILLIANT_PASSWORD_COST: 'minimum', BRILLIANT_ACCESS_LOG: '0', BRILLIANT_BLOBS: join(dir, 'blobs'),
           ...(toss ? toss.env : {}), ...(nginx ? nginx.env : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  // Wait for the server's own word that it listens, not for a fixed time.
  await new Promise((ok, fail) => {
    const check = () => { if (output.includes('Brilliant is running')) ok(); };
    child.stdout.on('data', check);
    child.on('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    toss: toss?.url,
    rtmp: nginx?.rtmp,
    database: join(dir, 'e2e.db'),  // SQLite: tests may read what the server wrote (the mail outbox)
    async stop() {
      const exited = new Promise((ok) => child.on('exit', ok));
      child.kill('SIGTERM');
      await exited;
      await toss?.stop();
      await nginx?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Debian's chromium. Every page a test's contexts visit is remembered, so that the test file can check
// them all for accessibility at its end (browser.auditAccessibility(): axe-core, WCAG 2.2 AA).
export async function launchBrowser(extraArgs = []) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', ...extraArgs],
  });
  const visited = [];  // { context, url } in the order the journeys saw them
  let auditing = false;
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', (page) => page.on('framenavigated', (frame) => {
      if (!auditing && frame === page.mainFrame() && frame.url().startsWith('http')) visited.push({ context, url: frame.url() });
    }));
    return context;
  };
  // Opens each address visited since the last call again in the context that saw it (same cookies,
  // viewport and language) and returns axe's serious and critical violations, described; [] when there are
  // none. An address is audited once per browser, however many tests call this; navigations made while
  // auditing are not recorded, those after it are.
  const audited = new Set();
  browser.auditAccessibility = async () => {
    auditing = true;
    const problems = [];
    try {
      for (const { context, url } of visited.splice(0)) {
        if (audited.has(url)) continue;
        audited.add(url);
        let page;
        try { page = await context.newPage(); } catch { continue; }  // the journey closed that context
        const response = await page.goto(url).catch(() => null);
        if (response && response.status() < 500 && new URL(page.url()).origin === new URL(url).origin) {
          const bad = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
          if (bad.length) problems.push(describeViolations(page.url(), bad));
        }
        await page.close();
      }
    } finally {
      auditing = false;
    }
    return problems;
  };
  return browser;
}

// Saves a screenshot under build/screenshots when SCREENSHOTS=1 (for people to look at).
export async function snap(page, name) {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.screenshot({ path: join(root, 'build/screenshots', `${name}.png`), fullPage: true });
}
