// Starts a real `newsdesk serve --demo` on a free port with a fresh data folder.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

// `env`: settings for this site only (`{ NEWSDESK_LANGUAGE: 'ar' }`).
async function startDemo(env = {}) {
  return startSite(['--demo'], env);
}

// A site with no users, as on first start: the output carries the setup link.
async function startEmpty() {
  const site = await startSite([]);
  const match = site.output().match(/open (http\S+\/admin\/setup\?token=\S+)/);
  if (!match) throw new Error(`no setup link printed:\n${site.output()}`);
  site.setupUrl = site.base + new URL(match[1]).pathname + new URL(match[1]).search;
  return site;
}

async function startSite(extra, env = {}) {
  const bin = process.env.NEWSDESK_BIN || path.join(__dirname, '..', 'target', 'debug', 'newsdesk');
  if (!fs.existsSync(bin)) throw new Error(`newsdesk binary not found at ${bin}; build it or set NEWSDESK_BIN`);
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-e2e-'));
  const port = await freePort();
  const child = spawn(bin, ['serve', ...extra, '--data', data, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NEWSDESK_DATABASE_URL')),
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`newsdesk exited early:\n${output}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok && output.includes('Press Ctrl-C')) break;
    } catch (_) { /* not up yet */ }
    if (Date.now() - started > 30000) throw new Error(`newsdesk did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const token = (output.match(/Demo API token: (\S+)/) || [])[1];
  return {
    base,
    token,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(data, { recursive: true, force: true });
    },
  };
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

module.exports = { startDemo, startEmpty, launchBrowser };
