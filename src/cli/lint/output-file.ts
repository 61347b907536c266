import { createWriteStream, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { HuashuError } from '../../errors.js';

/** The report file of `-o/--output-file`: opened (its folder made) before the run, closed after. */
export interface ReportFile {
  stream: WriteStream;
  /** End the stream and wait until everything is on disk. */
  close(): Promise<void>;
}

/**
 * Open `path` for the report, creating its folder as eslint does. It is opened at once, so a path
 * that cannot be written is an `IO` error before anything is linted.
 */
export function openReportFile(path: string, shown: string): ReportFile {
  let fd: number;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'w', 0o644);
  } catch (error) {
    throw new HuashuError(
      'IO',
      `cannot write the report to ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      { cause: error },
    );
  }
  const stream = createWriteStream(path, { fd });
  let failure: unknown;
  stream.on('error', (error) => {
    failure = error;
  });
  return {
    stream,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        const done = () =>
          failure === undefined
            ? resolveClose()
            : reject(
                new HuashuError(
                  'IO',
                  `cannot write the report to ${shown}: ${(failure as NodeJS.ErrnoException).code ?? String(failure)}`,
                ),
              );
        if (stream.closed) done();
        else {
          stream.once('close', done);
          stream.end();
        }
      }),
  };
}
