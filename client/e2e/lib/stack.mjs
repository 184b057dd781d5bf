// Starts the real hub on loopback: a private MariaDB, the LiteLLM stand-in, one silo and one
// WebApi serving the built SPA. Every process is ours and is stopped by `stop()`, even after a
// failure half-way through start-up.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..', '..');
const CLIENT = join(REPO, 'client');
const WWWROOT = join(REPO, 'src', 'WebApi', 'wwwroot');
const STANDIN_DLL = join(REPO, 'tests/LiteLLM.Standin/bin/Release/net10.0/LiteLLM.Standin.dll');
const SILO_DLL = join(REPO, 'src/Silo/bin/Release/net10.0/OneAIHub.Silo.dll');
const WEBAPI_DLL = join(REPO, 'src/WebApi/bin/Release/net10.0/OneAIHub.WebApi.dll');

const log = (message) => console.log(`[stack] ${message}`);

/** A loopback port nobody listens on right now. */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${(result.stdout ?? '') + (result.stderr ?? '')}`.slice(0, 4000));
  }
  return result;
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the .NET Release output when a dll is missing, and the SPA when its sources are newer. */
export function ensureBuilt() {
  if (![STANDIN_DLL, SILO_DLL, WEBAPI_DLL].every(existsSync)) {
    log('building OneAIHub.sln (Release)');
    run('dotnet', ['build', join(REPO, 'OneAIHub.sln'), '-c', 'Release', '-nologo', '-v', 'q'], { cwd: REPO });
  }
  const built = existsSync(join(WWWROOT, 'index.html')) ? statSync(join(WWWROOT, 'index.html')).mtimeMs : 0;
  const sources = Math.max(
    ...['src', 'public', 'index.html', 'vite.config.ts', 'vite-plugins', 'package-lock.json'].map((p) => newestMtime(join(CLIENT, p))),
  );
  if (process.env.E2E_REBUILD_SPA === '1' || sources > built) {
    log('building the SPA into src/WebApi/wwwroot');
    run('npm', ['run', 'build', '--silent'], { cwd: CLIENT });
  }
}

async function waitFor(what, check, timeoutMs, isDead) {
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  while (Date.now() < deadline) {
    const dead = isDead?.();
    if (dead) throw new Error(`${what}: ${dead}`);
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not become ready in ${timeoutMs / 1000}s${lastError ? ` (${lastError.message})` : ''}`);
}

async function httpOk(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  return response.ok;
}

export class Stack {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'oneaihub-e2e-'));
    this.logs = join(this.dir, 'logs');
    mkdirSync(this.logs);
    this.processes = [];
    this.mariadbDir = join(this.dir, 'mariadb');
    this.admin = { email: 'admin@e2e.oneaihub.local', password: `Admin-${randomBytes(6).toString('hex')}-1` };
    this.masterKey = `sk-e2e-${randomBytes(8).toString('hex')}`;
    this.mariadbStarted = false;
  }

  /** Spawns a long-running child whose output goes to logs/<name>.log. */
  spawnProcess(name, command, args, env = {}) {
    const out = createWriteStream(join(this.logs, `${name}.log`));
    const child = spawn(command, args, {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    const entry = { name, child, exited: null };
    child.on('exit', (code, signal) => (entry.exited = `exited (${signal ?? code}); see ${join(this.logs, `${name}.log`)}`));
    this.processes.push(entry);
    return entry;
  }

  async startMariaDb(port) {
    const dir = this.mariadbDir;
    mkdirSync(dir, { recursive: true });
    run('mariadb-install-db', [
      '--no-defaults', `--datadir=${join(dir, 'data')}`, '--auth-root-authentication-method=normal',
      '--skip-test-db', `--user=${process.env.USER || spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout.trim()}`,
    ]);
    const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
    const entry = this.spawnProcess('mariadb', 'mariadbd', [
      '--no-defaults', `--datadir=${join(dir, 'data')}`, `--port=${port}`, '--bind-address=127.0.0.1',
      `--socket=${join(dir, 'mysqld.sock')}`, `--pid-file=${join(dir, 'mysqld.pid')}`, `--log-error=${join(dir, 'error.log')}`,
      '--skip-name-resolve', '--character-set-server=utf8mb4', '--max-connections=500',
      '--innodb-buffer-pool-size=64M', '--skip-log-bin', ...asRoot,
    ]);
    this.mariadbStarted = true;
    await waitFor('MariaDB', () => spawnSync('mariadb-admin', ['--no-defaults', `--socket=${join(dir, 'mysqld.sock')}`, '-uroot', 'ping']).status === 0,
      30_000, () => entry.exited);
  }

  async start() {
    const started = Date.now();
    ensureBuilt();
    const [dbPort, litePort, siloPort, gatewayPort, webPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    this.baseUrl = `http://127.0.0.1:${webPort}`;
    this.liteLlmUrl = `http://127.0.0.1:${litePort}`;
    this.connectionString = `Server=127.0.0.1;Port=${dbPort};User ID=root;Database=oneaihub`;

    const standin = this.spawnProcess('standin', 'dotnet', [STANDIN_DLL, '--urls', this.liteLlmUrl, '--master-key', this.masterKey]);
    await this.startMariaDb(dbPort);

    const env = {
      ConnectionStrings__MySql: this.connectionString,
      LiteLLM__BaseUrl: this.liteLlmUrl,
      LiteLLM__MasterKey: this.masterKey,
      Cluster__Id: `oneaihub-e2e-${process.pid}-${Date.now()}`,
      Cluster__ServiceId: 'oneaihub-e2e',
      Cluster__SiloPort: String(siloPort),
      Cluster__GatewayPort: String(gatewayPort),
      Recording__FlushInterval: '00:00:00.200',
      DOTNET_gcServer: '0',
    };
    // Migrate first (as scripts/run-local.sh does): a WebApi that meets a half-migrated
    // database finds no Orleans queries and exits.
    run('dotnet', [SILO_DLL, 'migrate'], { cwd: REPO, env: { ...process.env, ...env } });
    const silo = this.spawnProcess('silo', 'dotnet', [SILO_DLL], env);
    const webapi = this.spawnProcess('webapi', 'dotnet', [WEBAPI_DLL, '--contentRoot', join(REPO, 'src', 'WebApi')], {
      ...env,
      ASPNETCORE_URLS: this.baseUrl,
      ASPNETCORE_ENVIRONMENT: 'Production',
      Jwt__SigningKey: randomBytes(48).toString('base64'),
      Admin__Email: this.admin.email,
      Admin__Password: this.admin.password,
    });
    await waitFor('LiteLLM stand-in', () => httpOk(`${this.liteLlmUrl}/health/liveliness`), 60_000, () => standin.exited);
    const dead = () => silo.exited ?? webapi.exited;
    await waitFor('WebApi /health/ready', () => httpOk(`${this.baseUrl}/health/ready`), 150_000, dead);
    // The admin is seeded at start-up: wait until it can sign in.
    await waitFor('admin sign-in', async () => !!(await this.signIn(this.admin.email, this.admin.password)), 60_000, dead);
    log(`ready at ${this.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)}s (logs: ${this.logs})`);
  }

  /** The JWT auth result for an account, or null on a refusal. */
  async signIn(email, password) {
    const response = await fetch(`${this.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return response.ok ? response.json() : null;
  }

  async api(path, { token, method = 'GET', body } = {}) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, json, text };
  }

  /** Tails of every log, for a failure report. */
  tails(lines = 25) {
    return this.processes
      .map(({ name }) => {
        const file = join(this.logs, `${name}.log`);
        const text = existsSync(file) ? spawnSync('tail', ['-n', String(lines), file], { encoding: 'utf8' }).stdout : '';
        return `--- ${name} ---\n${text}`;
      })
      .join('\n');
  }

  async stop({ keepLogs = false } = {}) {
    for (const { child, exited, name } of [...this.processes].reverse()) {
      if (exited || name === 'mariadb') continue;
      child.kill('SIGTERM');
    }
    await Promise.all(
      this.processes
        .filter((p) => p.name !== 'mariadb')
        .map((p) => waitExit(p, 15_000)),
    );
    if (this.mariadbStarted) {
      spawnSync('mariadb-admin', ['--no-defaults', `--socket=${join(this.mariadbDir, 'mysqld.sock')}`, '-uroot', 'shutdown']);
      const db = this.processes.find((p) => p.name === 'mariadb');
      if (db) await waitExit(db, 20_000);
    }
    if (!keepLogs) {
      rmSync(this.dir, { recursive: true, force: true });
    } else {
      rmSync(join(this.mariadbDir, 'data'), { recursive: true, force: true });
      log(`logs kept in ${this.logs}`);
    }
  }
}

function waitExit(entry, timeoutMs) {
  if (entry.exited || entry.child.exitCode !== null || entry.child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => {
      entry.child.kill('SIGKILL');
      done();
    }, timeoutMs);
    entry.child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}
