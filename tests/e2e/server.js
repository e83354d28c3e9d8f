// Starts the real brilliant binary on a free port with a fresh SQLite database for one test file,
// and launches Debian's chromium through playwright-core (no browser download).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { axeViolations, describeViolations } from './axe.js';

const root = resolve(new URL('../..', import.meta.url).pathname);

// A free loopback port below the kernel's ephemeral range (scripts/free-port.py), so no outgoing
// connection's source port takes it before the process it is meant for binds it.
export function freePort() {
  return Number(execFileSync('python3', [join(root, 'scripts/free-port.py')], { encoding: 'utf8' }).trim());
}

// A child's first line of output that contains `marker`; fails when the child exits first.
function waitForLine(child, marker, what) {
  let output = '';
  return new Promise((ok, fail) => {
    const take = (d) => {
      output += d;
      const line = output.split('\n').find((l) => l.includes(marker));
      if (line) ok(line);
    };
    child.stdout.on('data', take);
    child.stderr?.on('data', (d) => { output += d; });
    child.on('exit', (code) => {
      const error = new Error(`${what} exited with ${code}:\n${output}`);
      error.portTaken = output.includes('Address already in use');
      fail(error);
    });
  });
}

// Stops a child with SIGTERM and waits for it to exit (at once when it has exited already).
function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((ok) => child.on('exit', ok));
  child.kill('SIGTERM');
  return exited;
}

// The port a "... http://HOST:PORT..." line names.
const portOf = (line) => Number(/:(\d+)\/?\s*$/.exec(line.trim())[1]);

// The stand-in Toss Payments server (tests/fake_toss), for card payments. It binds port 0 and says which
// port it took, so no other process can take that port between choosing and binding.
async function startFakeToss() {
  const child = spawn(process.execPath, [join(root, 'tests/fake_toss/server.mjs'), '--port', '0'],
                      { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://127.0.0.1:${portOf(await waitForLine(child, 'listening', 'fake toss'))}`;
  return {
    url,
    env: { BRILLIANT_TOSS_API_URL: url, BRILLIANT_TOSS_WINDOW_URL: `${url}/window`,
           BRILLIANT_TOSS_CLIENT_KEY: 'test_ck_brilliant_demo', BRILLIANT_TOSS_SECRET_KEY: 'test_sk_brilliant_demo' },
    stop: () => stopChild(child),
  };
}

// nginx with the RTMP module for live shows (scripts/live-dev.sh), answering the server's port. Its
// RTMP port (and the status port after it) are chosen before nginx binds them, so another process may
// take one first: live-dev.sh then exits with 98 and the whole start is tried again with new ports.
async function startNginx(dir, appPort, rtmpPort) {
  const script = join(root, 'scripts/live-dev.sh');
  const code = await new Promise((ok) => spawn('bash', [script, 'start', join(dir, 'nginx'), String(appPort), String(rtmpPort)],
                                              { stdio: 'inherit' }).on('exit', ok));
  if (code !== 0) {
    const error = new Error(`live-dev.sh exited with ${code}`);
    error.portTaken = code === 98;
    throw error;
  }
  return { stop: () => new Promise((ok) => spawn('bash', [script, 'stop', join(dir, 'nginx')]).on('exit', ok)) };
}

// options.toss: card payments through the stand-in Toss server (its address is server.toss).
// options.live: nginx-rtmp in front for live shows (server.rtmp is where to stream).
export async function startServer(options = {}) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startServerOnce(options);
    } catch (error) {
      if (!error.portTaken || attempt === 4) throw error;
    }
  }
}

async function startServerOnce(options) {
  const dir = mkdtempSync(join(tmpdir(), 'brilliant-e2e-'));
  let toss = null;
  let nginx = null;
  let child = null;
  const stopAll = async () => {
    await stopChild(child);
    await toss?.stop();
    await nginx?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    toss = options.toss ? await startFakeToss() : null;
    const rtmpPort = options.live ? freePort() : null;
    const rtmp = options.live ? `rtmp://127.0.0.1:${rtmpPort}/live` : undefined;
    const liveEnv = options.live ? { BRILLIANT_LIVE_HLS_DIR: join(dir, 'nginx/hls'), BRILLIANT_LIVE_RTMP_URL: rtmp } : {};
    const binary = process.env.BRILLIANT_BINARY || join(root, 'build/debug/brilliant');
    // Port 0: the server binds a port of the system's choosing and prints it.
    child = spawn(binary, ['serve', '--root', root, '--db', `sqlite:${join(dir, 'e2e.db')}`, '--port', '0',
                           '--demo-products', '80'], {
      env: { ...process.env, BRILLIANT_PASSWORD_COST: 'minimum', BRILLIANT_ACCESS_LOG: '0', BRILLIANT_BLOBS: join(dir, 'blobs'),
             ...(toss ? toss.env : {}), ...liveEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Wait for the server's own word that it listens, not for a fixed time.
    const port = portOf(await waitForLine(child, 'Brilliant is running', 'server'));
    nginx = options.live ? await startNginx(dir, port, rtmpPort) : null;
    return {
      url: `http://127.0.0.1:${port}`,
      toss: toss?.url,
      rtmp,
      database: join(dir, 'e2e.db'),  // SQLite: tests may read what the server wrote (the mail outbox)
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

// Debian's chromium. Every page a test's contexts visit is remembered, so that the test file can check
// them all for accessibility at its end (browser.auditAccessibility(): axe-core, WCAG 2.2 AA). The layout
// files check every page they open themselves, on each device, and pass { auditVisits: false } so that
// no page is opened and checked a second time.
export async function launchBrowser(extraArgs = [], { auditVisits = true } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', ...extraArgs],
  });
  const visited = [];  // { context, url } in the order the journeys saw them
  const found = [];  // problems found in contexts the journeys closed, for the next audit to report
  const audited = new Set();
  let auditing = false;
  // Opens each address `context` has visited since it was last audited again in it (same cookies,
  // viewport and language) and returns axe's serious and critical violations, described. An address is
  // audited once per browser; navigations made while auditing are not recorded.
  const audit = async (context) => {
    auditing = true;
    const problems = [];
    try {
      for (let i = 0; i < visited.length;) {
        if (context && visited[i].context !== context) { i += 1; continue; }
        const { context: seenIn, url } = visited.splice(i, 1)[0];
        if (audited.has(url)) continue;
        audited.add(url);
        let page;
        try { page = await seenIn.newPage(); } catch { continue; }  // closed by other means (the browser)
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
  // Every page visited since the last call, in open contexts and in those closed since, checked with
  // axe-core (WCAG 2.2 AA); [] when none has a serious or critical violation.
  browser.auditAccessibility = async () => [...found.splice(0), ...(await audit(null))];
  if (!auditVisits) return browser;
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', (page) => page.on('framenavigated', (frame) => {
      if (!auditing && frame === page.mainFrame() && frame.url().startsWith('http')) visited.push({ context, url: frame.url() });
    }));
    // A journey that closes its context has its pages audited first, while their cookies still work.
    const close = context.close.bind(context);
    context.close = async (...args) => {
      found.push(...(await audit(context)));
      return close(...args);
    };
    return context;
  };
  return browser;
}

// Saves a screenshot under build/screenshots when SCREENSHOTS=1 (for people to look at).
export async function snap(page, name) {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.screenshot({ path: join(root, 'build/screenshots', `${name}.png`), fullPage: true });
}
