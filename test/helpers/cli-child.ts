import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The built CLI when there is one (npm test builds first), else the source through tsx. */
export function cliArgs(): string[] {
  const dist = join(root, 'dist/cli/bin.js');
  if (existsSync(dist) && existsSync(join(root, 'dist/cli/qa-worker.js'))) return [dist];
  return ['--import', import.meta.resolve('tsx'), join(root, 'src/cli/bin.ts')];
}

/**
 * `huashu <args> | head -1`: read the first line of standard output, close the pipe, and wait
 * for the CLI to end. Returns its exit code and everything it wrote on standard error.
 */
export function firstLineThenClose(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cliArgs(), ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (first !== '') return;
      first = chunk.toString().split('\n')[0] ?? '';
      child.stdout.destroy(); // the reader goes away, as head does
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, first }));
  });
}
