/**
 * Real parts the tests start themselves: Debian's `chromium` (driven by playwright-core) and
 * Debian's `redis-server`. On a machine without them, their tests are skipped — the run says so once
 * (test/setup/external.ts) — unless `HUASHU_REQUIRE_BROWSER=1` / `HUASHU_REQUIRE_REDIS=1` (CI sets
 * both in .ci/run after installing the packages): then they fail.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, it } from 'vitest';

export interface ExternalPart {
  /** What a person reads in the skip message and in the failure. */
  readonly name: string;
  /** The env variable that makes a missing part fail instead of skip. */
  readonly requireVariable: string;
  /** How to install it. */
  readonly install: string;
  /** The executable, or undefined when this machine has none. */
  executable(): string | undefined;
}

function firstExisting(paths: readonly string[]): string | undefined {
  return paths.find((path) => existsSync(path));
}

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path !== '' ? path : undefined;
}

export const CHROMIUM: ExternalPart = {
  name: 'Chromium (Debian package chromium)',
  requireVariable: 'HUASHU_REQUIRE_BROWSER',
  install: 'apt-get install chromium',
  executable: () =>
    process.env.HUASHU_CHROMIUM === undefined
      ? (firstExisting(['/usr/bin/chromium', '/usr/bin/chromium-browser']) ?? onPath('chromium'))
      : firstExisting([process.env.HUASHU_CHROMIUM]),
};

export const REDIS_SERVER: ExternalPart = {
  name: 'Redis (Debian package redis-server)',
  requireVariable: 'HUASHU_REQUIRE_REDIS',
  install: 'apt-get install redis-server',
  executable: () =>
    process.env.HUASHU_REDIS_SERVER === undefined
      ? (firstExisting(['/usr/bin/redis-server']) ?? onPath('redis-server'))
      : firstExisting([process.env.HUASHU_REDIS_SERVER]),
};

export const partRequired = (part: ExternalPart): boolean => process.env[part.requireVariable] === '1';

/**
 * `describe(title, body)` when the part is on this machine; else skipped (the run says so once), or
 * — with its require variable set — one failing test that says how to install it.
 */
export function describeWithPart(part: ExternalPart, title: string, body: () => void): void {
  if (part.executable() !== undefined) describe(title, body);
  else if (partRequired(part))
    describe(title, () => {
      it(`has ${part.name}`, () => {
        throw new Error(`${part.requireVariable}=1 and ${part.name} is missing: ${part.install}`);
      });
    });
  else describe.skip(title, body);
}

/** Chromium flags for this machine's closed network (no background connections) and root. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
] as const;

/** Launches Debian's Chromium through playwright-core (never downloads a browser). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CHROMIUM.executable();
  if (executablePath === undefined) throw new Error(`${CHROMIUM.name} is missing: ${CHROMIUM.install}`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
}

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningRedis {
  readonly port: number;
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline)
      throw new Error(`redis-server did not open port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a throw-away `redis-server` on a free local port, no persistence, in its own temp dir. */
export async function startRedis(): Promise<RunningRedis> {
  const executable = REDIS_SERVER.executable();
  if (executable === undefined) throw new Error(`${REDIS_SERVER.name} is missing: ${REDIS_SERVER.install}`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'huashu-redis-'));
  const child = spawn(
    executable,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  await waitForPort(port, 10_000);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    process: child,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
