#!/usr/bin/env node
import { installNativeInflate } from '../node/native-inflate.js';
import { execute } from './index.js';
import { limitHeapGrowth } from './qa/heap-growth.js';

installNativeInflate();

/**
 * The reader of our output went away (`huashu lint … | head -1`): there is nobody left to tell
 * anything, so end at once and quietly, as other command-line tools do, with the exit code set so
 * far (0 when none is). Any other write error is a real failure.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.exitCode = 2;
    throw error;
  });
}
endQuietlyOnClosedPipe(process.stdout);
endQuietlyOnClosedPipe(process.stderr);

// The only place that touches the process's exit status.
execute(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
  limitHeapGrowth: () => void limitHeapGrowth(process.execArgv, process.env.NODE_OPTIONS),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `huashu: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
