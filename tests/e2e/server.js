// Starts the real brilliant binary on a free port with a fresh SQLite database for one test file,
// and launches Debian's chromium through playwright-core (no browser download).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(new URL('../..', import.meta.url).pathname);

function freePort() {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'brilliant-e2e-'));
  const port = await freePort();
  const binary = process.env.BRILLIANT_BINARY || join(root, 'build/debug/brilliant');
  const child = spawn(binary, ['serve', '--root', root, '--db', `sqlite:${join(dir, 'e2e.db')}`, '--port', String(port),
                               '--demo-products', '80'], {
    env: { ...process.env, BRILLIANT_PASSWORD_COST: 'minimum', BRILLIANT_ACCESS_LOG: '0', BRILLIANT_BLOBS: join(dir, 'blobs') },
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
    database: join(dir, 'e2e.db'),  // SQLite: tests may read what the server wrote (the mail outbox)
    async stop() {
      const exited = new Promise((ok) => child.on('exit', ok));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

// Saves a screenshot under build/screenshots when SCREENSHOTS=1 (for people to look at).
export async function snap(page, name) {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.screenshot({ path: join(root, 'build/screenshots', `${name}.png`), fullPage: true });
}
