import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { isAbsolute, join, posix, relative, resolve, sep, win32 } from 'node:path';
import * as z from 'zod/mini';
import { HuashuError, parseOrThrow } from '../errors.js';
import { parseJsonText } from './json-text.js';

/** Largest file a loader reads (bytes), unless the caller passes `maxFileBytes`. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Most entries (files and folders) a loader looks at under one folder, unless `maxFolderEntries` says more. */
export const DEFAULT_MAX_FOLDER_ENTRIES = 10_000;

/** Limits of the `huashu/node` loaders; both are per call. */
export interface FileLimits {
  /** Largest file read, in bytes. Default 10 MB (10 × 1024 × 1024). */
  maxFileBytes?: number;
  /** Most entries looked at under a folder (every file and sub-folder counts). Default 10,000. */
  maxFolderEntries?: number;
}

export const fileLimitsSchema = z.strictObject({
  maxFileBytes: z.optional(z.number().check(z.int(), z.positive())),
  maxFolderEntries: z.optional(z.number().check(z.int(), z.positive())),
});

/** Options of a loader: the limits, validated (`INVALID_OPTIONS` naming the loader). */
export function parseLimits(options: unknown, what: string): Required<FileLimits> {
  const limits = parseOrThrow(fileLimitsSchema, options ?? {}, 'INVALID_OPTIONS', `${what} options`);
  return {
    maxFileBytes: limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    maxFolderEntries: limits.maxFolderEntries ?? DEFAULT_MAX_FOLDER_ENTRIES,
  };
}

/**
 * A path argument of a loader: a non-empty string without NUL. Numbers (file descriptors), URLs
 * and buffers are refused, so a loader never reads standard input by accident.
 */
export function requirePath(value: unknown, what: string): string {
  if (typeof value !== 'string')
    throw new HuashuError(
      'INVALID_INPUT',
      `${what} must be a path (a string), not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
      { issues: [{ path: '', message: 'expected a path (string)' }] },
    );
  if (value.trim() === '')
    throw new HuashuError('INVALID_INPUT', `${what} must not be empty`, {
      issues: [{ path: '', message: 'the path is empty' }],
    });
  if (value.includes('\u0000'))
    throw new HuashuError('INVALID_INPUT', `${what} must not contain a NUL character`, {
      issues: [{ path: '', message: 'the path contains NUL' }],
    });
  return value;
}

function ioError(file: string, problem: string, cause?: unknown): HuashuError {
  const message = `cannot read ${file}: ${problem}`;
  return new HuashuError('IO', message, {
    issues: [{ file, path: '', message: problem }],
    ...(cause === undefined ? {} : { cause }),
  });
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * Read a regular file as UTF-8 (a BOM is dropped), at most `maxBytes`. Devices, pipes, sockets
 * and folders are refused before they are opened (a pipe would block, /dev/zero never ends); the
 * size is checked on the opened file too, and reading stops past the limit (files that report no
 * size, as in /proc, cannot grow past it). Errors are `IO` and name the file, never its contents.
 */
export function readTextFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): string {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw ioError(file, errnoOf(error), error);
  }
  const tooLarge = (size: string) =>
    ioError(file, `the file is ${size} bytes; the limit is ${maxBytes} (maxFileBytes)`);
  if (!stats.isFile()) throw ioError(file, `${kindOf(stats)}, not a file`);
  if (stats.size > maxBytes) throw tooLarge(String(stats.size));
  let fd: number;
  try {
    // O_NONBLOCK: should the path have become a pipe since the check, opening it does not wait.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw ioError(file, errnoOf(error), error);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw ioError(file, `${kindOf(opened)}, not a file`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 16, maxBytes + 1 - total));
      let read: number;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        throw ioError(file, errnoOf(error), error);
      }
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw tooLarge(`more than ${maxBytes}`);
    }
    const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks, total));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}

/**
 * Read and parse a JSON file (as readTextFile). A syntax error is a HuashuError with `code`
 * (INVALID_OPTIONS for a configuration, INVALID_RULES for rules…) naming the file, line and
 * column and what was expected — never the text itself.
 */
export function readJsonFile(
  file: string,
  code: 'INVALID_OPTIONS' | 'INVALID_RULES' | 'INVALID_TEMPLATES' | 'INVALID_INPUT',
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): unknown {
  const parsed = parseJsonText(readTextFile(file, maxBytes));
  if (parsed.ok) return parsed.value;
  throw new HuashuError(code, `${file}: ${parsed.message}`, {
    issues: [{ file, path: '', message: parsed.message }],
  });
}

/** A folder that must exist: `IO` naming it otherwise. */
export function requireFolder(folder: string, what: string): void {
  let stats: Stats | undefined;
  try {
    stats = statSync(folder);
  } catch {
    stats = undefined;
  }
  if (stats?.isDirectory() !== true)
    throw new HuashuError('IO', `${what} not found: ${folder}`, {
      issues: [{ file: folder, path: '', message: 'not a folder' }],
    });
}

/**
 * The files under `root` that `accept` takes (paths relative to it, with `/`), in a stable order,
 * looking at no more than `maxEntries` entries. Folders starting with `.` and `node_modules` are
 * skipped, and so are symbolic links (a link could lead out of the folder or into a loop).
 * `recursive: false` lists the folder itself only.
 */
export function listFiles(
  root: string,
  options: { maxEntries: number; accept: (name: string) => boolean; recursive: boolean },
): string[] {
  const files: string[] = [];
  const folders: string[] = [root];
  let seen = 0;
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      throw ioError(folder, errnoOf(error), error);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    seen += entries.length;
    if (seen > options.maxEntries)
      throw new HuashuError(
        'IO',
        `${root} holds more than ${options.maxEntries} entries (maxFolderEntries): point at the folder of the pack itself`,
        { issues: [{ file: root, path: '', message: `more than ${options.maxEntries} entries` }] },
      );
    const subfolders: string[] = [];
    for (const entry of entries) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (options.recursive && !entry.name.startsWith('.') && entry.name !== 'node_modules')
          subfolders.push(full);
      } else if (entry.isFile() && options.accept(entry.name)) {
        files.push(relative(root, full).split(sep).join('/'));
      }
    }
    // Depth first, in name order.
    folders.push(...subfolders.reverse());
  }
  return files;
}

/** Is `path` the folder `base` or inside it (both absolute)? */
function isInside(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolve a path written in a configuration file against the file's folder, keeping it inside:
 * absolute paths (POSIX or Windows), `..` that climbs out, and symbolic links that lead out are
 * refused. A path that does not exist yet is only checked as written (its loader reports it).
 * Returns the absolute path, or the problem in words.
 */
export function resolveContained(base: string, written: string): { path: string } | { problem: string } {
  if (written.trim() === '') return { problem: 'the path is empty' };
  if (written.includes('\u0000')) return { problem: 'the path contains a NUL character' };
  if (posix.isAbsolute(written) || win32.isAbsolute(written))
    return {
      problem: `"${written}" is an absolute path; a configuration file may only name files inside its own folder (${base}): write a relative path, or pass an absolute path from code`,
    };
  const path = resolve(base, written);
  if (!isInside(base, path))
    return { problem: `"${written}" leads outside the configuration's folder (${base})` };
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { path }; // does not exist: the loader says so
  }
  let realBase: string;
  try {
    realBase = realpathSync(base);
  } catch {
    realBase = base;
  }
  if (!isInside(realBase, real))
    return {
      problem: `"${written}" leads outside the configuration's folder (${base}) through a symbolic link`,
    };
  return { path };
}
