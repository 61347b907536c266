import { statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { HuashuError } from '../../errors.js';

/** A file an argument named, or one of the files its pattern matched. */
export interface InputFile {
  /** As shown in reports: relative to the working directory when inside it. */
  display: string;
  path: string;
  size: number;
}

function ioError(message: string, file: string): HuashuError {
  return new HuashuError('IO', message, { issues: [{ file, path: '', message }] });
}

/** A path as reports show it: relative to the working directory when inside it. */
export function displayOf(cwd: string, path: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd;
}

/** The file system's entry at `path`, or undefined when there is none (or it cannot be read). */
export function statIfExists(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The longest path a file system takes (Linux PATH_MAX): a longer argument names no file. */
const MAX_PATH_LENGTH = 4_096;

/**
 * Is the argument a shell pattern (`*`, `?`, `[…]`, `{a,b}`) rather than a file name? Never one
 * longer than a path can be: that is a reply's text (the glob library refuses 64 K characters with
 * a raw SyntaxError).
 */
export function isPattern(argument: string): boolean {
  return argument.length <= MAX_PATH_LENGTH && isDynamicPattern(argument);
}

/**
 * The files an argument names: the file itself, or every file a pattern matches (expanded here
 * with tinyglobby, so a quoted `"exports/*.csv"` works as in eslint; sorted, so runs repeat).
 * Throws `IO` for a missing file, a pattern that matches nothing, or something that is not a file.
 */
export function expandInputArgument(argument: string, cwd: string): InputFile[] {
  const path = resolve(cwd, argument);
  const stats = statIfExists(path);
  if (stats === undefined && isPattern(argument)) {
    let matches: string[];
    try {
      matches = globSync(argument, {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        expandDirectories: false,
      }).sort();
    } catch (error) {
      // The glob library's own refusal (a pattern it cannot parse): an IO error naming the argument.
      throw ioError(
        `${argument}: not a pattern the file search can read (${(error as Error).message})`,
        argument,
      );
    }
    if (matches.length === 0)
      throw ioError(
        `${argument}: no file matches this pattern (check the folder and the extension)`,
        argument,
      );
    return matches.map((match) => ({
      display: displayOf(cwd, match),
      path: match,
      size: statSync(match).size,
    }));
  }
  if (stats === undefined) throw ioError(`${argument}: no such file`, argument);
  if (!stats.isFile())
    throw ioError(
      `${argument}: not a file (give a file, a pattern such as "${argument.replace(/\/$/, '')}/*.csv", or -)`,
      argument,
    );
  return [{ display: displayOf(cwd, path), path, size: stats.size }];
}
