/**
 * Builds the playground once per test file into a temporary folder (Vite, with the config
 * `npm run playground:build` uses), and gives the file:// URL of its index.html.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CONFIG = fileURLToPath(new URL('../../playground/vite.config.ts', import.meta.url));

export interface BuiltPlayground {
  dir: string;
  /** file:// URL of index.html, without a fragment. */
  url: string;
  html: string;
}

export async function buildPlayground(): Promise<BuiltPlayground> {
  const dir = mkdtempSync(join(tmpdir(), 'huashu-playground-'));
  const { build } = await import('vite');
  await build({ configFile: CONFIG, logLevel: 'silent', build: { outDir: dir, emptyOutDir: true } });
  const file = join(dir, 'index.html');
  return { dir, url: pathToFileURL(file).href, html: readFileSync(file, 'utf8') };
}

/** The bytes of JavaScript the page carries: its inline scripts, UTF-8. */
export function inlineScriptBytes(html: string): number {
  let bytes = 0;
  for (const match of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g))
    bytes += Buffer.byteLength(match[1]!, 'utf8');
  return bytes;
}

/** `#text=…&draft=…` as the page writes it. */
export function fragment(values: Record<string, string>): string {
  return `#${Object.entries(values)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')}`;
}

/** axe-core's browser script, injected into the page for the accessibility check. */
export const axeSource = (): string =>
  readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
