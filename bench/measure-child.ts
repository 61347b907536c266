import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What one child run of the CLI cost. */
export interface RunFigures {
  wallS: number;
  /** CPU time of the child (user + system): what the run costs on a shared, busy machine. */
  cpuS: number;
  maxRssMb: number;
  exitCode: number | null;
}

/**
 * Runs `node <args>` in `dir` with stdout to /dev/null; the child's main thread writes its own
 * resource usage when it exits (worker threads are counted in it). Exit codes 0 (clean) and 1
 * (findings) are runs to measure; any other means the figures would not measure the job, and
 * throws with the end of standard error.
 */
export async function runMeasured(
  args: string[],
  options: { dir: string; label: string; env?: NodeJS.ProcessEnv },
): Promise<RunFigures> {
  const usageFile = join(options.dir, `rusage-${options.label}.json`);
  const preload = join(options.dir, 'rusage.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => { if (require('node:worker_threads').isMainThread) require('node:fs').writeFileSync(process.env.HUASHU_RUSAGE, JSON.stringify(process.resourceUsage())); });`,
  );
  let stderr = '';
  const started = performance.now();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, ...args], {
      cwd: options.dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...options.env, HUASHU_RUSAGE: usageFile },
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  if (exitCode !== 0 && exitCode !== 1)
    throw new Error(
      `${options.label}: the CLI exited with ${exitCode} (stale dist? npm run build):\n${stderr}`,
    );
  const wallS = (performance.now() - started) / 1000;
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as {
    maxRSS: number;
    userCPUTime: number;
    systemCPUTime: number;
  };
  return {
    wallS,
    cpuS: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    maxRssMb: usage.maxRSS / 1024,
    exitCode,
  };
}
