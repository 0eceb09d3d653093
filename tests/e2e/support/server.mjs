// Starts the real buddymatch binary for a test: a fresh SQLite database in a temporary folder,
// SMTP email to the test sink, a fast outbox worker, port 0 (the printed address is read back).
// Also the SMTP sink itself when the caller (./scripts/test) did not start one.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import net from 'node:net';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const BINARY = process.env.BUDDYMATCH_BIN || join(ROOT, 'target', 'debug', 'buddymatch');

/** Waits until a line of `child`'s stdout matches `re`; rejects on exit or timeout. */
function waitForLine(child, re, timeoutMs, what, output) {
  return new Promise((resolvePromise, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${what} did not start within ${timeoutMs} ms; output so far:\n${output()}`));
    }, timeoutMs);
    const onData = (chunk) => {
      buffer += chunk;
      const m = re.exec(buffer);
      if (m) {
        cleanup();
        resolvePromise(m);
      }
    };
    const onExit = (code, signal) => {
      cleanup();
      reject(new Error(`${what} exited early (code ${code}, signal ${signal}); output:\n${output()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout.on('data', onData);
    child.on('exit', onExit);
  });
}

/** Spawns `cmd`, keeping its output for error messages. */
function spawnLogged(cmd, args, options) {
  const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  child.output = () => log.slice(-20_000);
  // Never leave it running, whatever ends this process.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return child;
}

/** Stops a child: SIGTERM, then SIGKILL after `graceMs`. */
export async function stop(child, graceMs = 5_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

async function freePort() {
  return new Promise((resolvePromise, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });
}

/**
 * The SMTP test server: the one named by TEST_SMTP_URL / TEST_SMTP_MAILDIR (started by
 * ./scripts/test), or a new one from .venv-test/ (or python3 with aiosmtpd).
 * Returns { url, maildir, stop }.
 */
export async function smtpSink() {
  if (process.env.TEST_SMTP_URL) {
    if (!process.env.TEST_SMTP_MAILDIR) throw new Error('TEST_SMTP_URL is set but TEST_SMTP_MAILDIR is not');
    return { url: process.env.TEST_SMTP_URL, maildir: process.env.TEST_SMTP_MAILDIR, stop: async () => {} };
  }
  const venv = join(ROOT, '.venv-test', 'bin', 'python');
  const python = existsSync(venv) ? venv : 'python3';
  const maildir = mkdtempSync(join(tmpdir(), 'bm-e2e-mail-'));
  const port = await freePort();
  const child = spawnLogged(python, [join(ROOT, 'tests', 'support', 'smtp_sink.py'), '--port', String(port), '--dir', maildir], {});
  await waitForLine(child, /listening on /, 15_000, 'the SMTP test sink (needs aiosmtpd: run ./scripts/test once)', child.output);
  return {
    url: `smtp://127.0.0.1:${port}`,
    maildir,
    stop: async () => {
      await stop(child);
      rmSync(maildir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts buddymatch on a fresh database with `smtpUrl`, after creating the administrator
 * `coordinator` ({ email, password }) with the CLI and running each command of `setup` (argument
 * lists, e.g. `[['demo', '--seekers', '40']]`). Returns { url, dir, child, stop, output, cli,
 * setupOutput }.
 */
export async function startServer({ smtpUrl, coordinator, setup = [] }) {
  if (!existsSync(BINARY)) {
    throw new Error(`${BINARY} is missing: build it with \`cargo build -p buddymatch --bin buddymatch\``);
  }
  const dir = mkdtempSync(join(tmpdir(), 'bm-e2e-'));
  const config = join(dir, 'buddymatch.toml');
  // The browser fills the form in about a second; the fill-time floor is tested in tests/api.
  writeFileSync(config, '[email]\npoll_interval_ms = 50\n[signup]\nmin_fill_seconds = 0\n');
  const env = {
    ...process.env,
    BUDDYMATCH_CONFIG: config,
    DATABASE_URL: `sqlite://${join(dir, 'e2e.db')}`,
    PORT: '0',
    BIND: '127.0.0.1',
    SMTP_URL: smtpUrl,
    DEMO_PROGRAMME: 'demo',
    BUDDYMATCH_ENV: 'development',
    RUST_LOG: process.env.RUST_LOG || 'info,actix_web=warn',
    NO_COLOR: '1',
  };
  delete env.BASE_URL; // with port 0 the default base URL carries the port actually bound

  const add = spawnSync(BINARY, ['coordinator', 'add', coordinator.email, '--admin'], {
    cwd: dir, env, input: `${coordinator.password}\n`, encoding: 'utf8', timeout: 60_000,
  });
  if (add.status !== 0) {
    throw new Error(`coordinator add failed (${add.status}):\n${add.stdout}\n${add.stderr}`);
  }

  // Commands that fill the database before the server opens it (`demo ...`).
  const setupOutput = [];
  for (const args of setup) {
    const r = spawnSync(BINARY, args, { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`buddymatch ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    setupOutput.push(r.stdout.trim());
  }

  const child = spawnLogged(BINARY, ['serve'], { cwd: dir, env });
  const m = await waitForLine(child, /buddymatch is running: open (https?:\/\/[^/\s]+)\//, 60_000, 'buddymatch', child.output);
  const url = m[1];
  // Healthy before the browser starts.
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not yet */ }
    if (i > 100) throw new Error(`${url}/healthz never answered 200:\n${child.output()}`);
    await sleep(100);
  }
  return {
    url,
    dir,
    child,
    output: child.output,
    setupOutput,
    /** Runs a command of the binary (`demo ...`, `continuum`) on this server's database. */
    cli: (args, { input } = {}) => spawnSync(BINARY, args, {
      cwd: dir, env: { ...env, BASE_URL: url }, input, encoding: 'utf8', timeout: 120_000,
    }),
    /** Stops the server; removes its folder (database) unless `keep`. */
    stop: async ({ keep = false } = {}) => {
      await stop(child);
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
