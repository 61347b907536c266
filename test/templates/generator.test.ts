import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { templatesGenerator } from '../../scripts/data/templates.js';
import type { HuashuError } from '../../src/errors.js';
import { SITUATION_TEMPLATE_IDS } from './ids.js';

const root = mkdtempSync(join(tmpdir(), 'huashu-gen-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'templates', path)), { recursive: true });
    writeFileSync(join(dir, 'templates', path), content);
  }
  return dir;
}

const metadata = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, stage: 'answer', intents: [], channels: ['chat'], description: 'x', variables: {}, ...extra });

describe('templates generator (build time)', () => {
  it('emits every built-in template with its sources and precompiled specs', async () => {
    const [file] = await templatesGenerator.generate(join(import.meta.dirname, '..', '..'));
    expect(file!.name).toBe('templates.ts');
    expect(file!.content).toContain('export function builtInTemplateDefinitions()');
    expect(file!.content).toContain('export function builtInTemplateSpecs()');
    for (const id of SITUATION_TEMPLATE_IDS) expect(file!.content).toContain(`${JSON.stringify(id)}: {`);
    expect(file!.content).toContain('"compiler":[8,');
  });

  it('fails the build with every problem listed, each with its file', async () => {
    const dir = project('broken', {
      'shop/a.json': metadata('shop/a'),
      'shop/a.zh-Hans.hbs': 'only one locale',
      'shop/b.json': metadata('shop/b', { stage: 'later' }),
      'shop/b.zh-Hans.hbs': 'x',
      'shop/b.zh-Hant.hbs': 'x',
      'shop/b.en.hbs': '{{oops}}',
    });
    let error: HuashuError | undefined;
    try {
      await templatesGenerator.generate(dir);
    } catch (e) {
      error = e as HuashuError;
    }
    expect(error?.code).toBe('INVALID_TEMPLATES');
    expect(error!.issues.map((i) => `${i.file}|${i.path}`)).toEqual(
      expect.arrayContaining([
        'templates/shop/a.json|sources["zh-Hant"]',
        'templates/shop/a.json|sources.en',
        'templates/shop/b.json|stage',
      ]),
    );
    expect(error!.message).toMatch(/Invalid templates \(\d+ problems\)/);
  });

  it('reports source problems against the .hbs file once the metadata is valid', async () => {
    const dir = project('source', {
      'shop/c.json': metadata('shop/c'),
      'shop/c.zh-Hans.hbs': '{{oops}}',
      'shop/c.zh-Hant.hbs': 'ok',
      'shop/c.en.hbs': '{{#if}}',
    });
    await expect(Promise.resolve().then(() => templatesGenerator.generate(dir))).rejects.toMatchObject({
      code: 'INVALID_TEMPLATES',
      issues: expect.arrayContaining([
        expect.objectContaining({ file: 'templates/shop/c.zh-Hans.hbs', message: expect.stringContaining('"oops"') }),
        expect.objectContaining({ file: 'templates/shop/c.en.hbs', message: expect.stringContaining('syntax error') }),
      ]),
    });
  });
});
