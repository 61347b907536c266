import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';

/** A generated file system entry, relative to the tree's root. */
export interface FileSpec {
  path: string;
  /**
   * Text (UTF-8), raw bytes (`{ $bytes: [...] }`: broken encodings) or a value written as JSON
   * (`{ $json, bom }`); a folder when absent.
   */
  content?:
    | string
    | { $bytes: number[] }
    | { $json: unknown; bom?: boolean }
    | { $lines: { lines: unknown[]; eol: string } };
  /** A symbolic link instead: to the secret file or the folder outside the root. */
  link?: 'secret' | 'outside';
}

/** In generated text content, stands for the absolute path of the folder outside the root. */
export const OUTSIDE = '@OUTSIDE@';

/** Marks the content of a file outside the root: an error message must never quote it. */
export const SECRET = 'FUZZ-SECRET-4c1d';

export interface Tree {
  /** The folder the generated entries live in. */
  root: string;
  /** A folder beside it with `secret.txt` (not JSON) and `secret.json` (a valid JSON object). */
  outside: string;
  /** Is `path` (absolute) inside `folder`? */
  inside(path: string, folder?: string): boolean;
}

const within = (path: string, folder: string) => {
  const full = resolve(path);
  return full === folder || full.startsWith(folder + sep);
};

/** JSON of a generated value: bigints as strings, symbols and functions left out, cycles cut. */
export function jsonText(value: unknown): string {
  const replace = (_key: string, v: unknown) => (typeof v === 'bigint' ? String(v) : v);
  try {
    return JSON.stringify(value, replace) ?? 'null';
  } catch {
    const seen = new WeakSet<object>();
    try {
      return (
        JSON.stringify(value, (key, v: unknown) => {
          if (typeof v === 'object' && v !== null) {
            if (seen.has(v)) return undefined;
            seen.add(v);
          }
          return replace(key, v);
        }) ?? 'null'
      );
    } catch {
      return '{"unserialisable": true}';
    }
  }
}

/** Build the tree in a fresh temporary folder, run `fn`, remove the folder. */
export async function withTree<T>(
  files: readonly FileSpec[],
  fn: (tree: Tree) => T | Promise<T>,
): Promise<T> {
  const base = mkdtempSync(join(tmpdir(), 'huashu-fuzz-'));
  const root = join(base, 'root');
  const outside = join(base, 'outside');
  try {
    mkdirSync(root);
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), `${SECRET} do not quote me\n`);
    writeFileSync(join(outside, 'secret.json'), JSON.stringify({ note: SECRET, name: SECRET, phrases: [] }));
    for (const file of files) {
      const target = resolve(root, file.path);
      if (!within(target, root) || target === root) continue;
      try {
        mkdirSync(dirname(target), { recursive: true });
        if (file.link === 'secret') symlinkSync(join(outside, 'secret.txt'), target);
        else if (file.link === 'outside') symlinkSync(outside, target);
        else if (file.content === undefined) mkdirSync(target, { recursive: true });
        else if (typeof file.content === 'string')
          writeFileSync(target, file.content.replaceAll(OUTSIDE, outside));
        else if ('$bytes' in file.content) writeFileSync(target, Buffer.from(file.content.$bytes));
        else if ('$lines' in file.content) {
          const { lines, eol } = file.content.$lines;
          const text = lines.map((line) =>
            typeof line === 'object' && line !== null && '$json' in line
              ? jsonText(line.$json)
              : String(line),
          );
          writeFileSync(target, text.join(eol).replaceAll(OUTSIDE, outside) + eol);
        } else
          writeFileSync(
            target,
            (file.content.bom === true ? '\uFEFF' : '') +
              jsonText(file.content.$json).replaceAll(OUTSIDE, outside),
          );
      } catch {
        // Two generated entries at the same path (a file where a folder is): keep the first.
      }
    }
    return await fn({ root, outside, inside: (path, folder = root) => within(path, folder) });
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
