import fc from 'fast-check';
import { record } from './hostile.js';
import type { Scale } from '../config.js';
import type { FileSpec } from '../worker/tree.js';
import {
  actionRule,
  hostile,
  lintOptions,
  phrasePack,
  prototypePathTemplate,
  templateDefinition,
} from './domain.js';
import { PROTO_KEYS } from './hostile.js';
import { textSpec } from './text.js';

/** File content: JSON of a value (written by the worker), text, or raw bytes (broken UTF-8 included). */
export type Content = FileSpec['content'] | { $json: unknown; bom?: boolean } | { $text: unknown[] };

export const brokenBytes: fc.Arbitrary<{ $bytes: number[] }> = fc
  .oneof(
    fc.constantFrom<number[]>(
      [0xff, 0xfe, 0x00],
      [0xc3, 0x28],
      [0xe4, 0xbd],
      [0xef, 0xbb, 0xbf, 0x7b],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
    ),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => [...bytes]),
  )
  .map(($bytes) => ({ $bytes }));

const json = (value: fc.Arbitrary<unknown>) => record({ $json: value, bom: fc.boolean() });

function junk(scale: Scale): fc.Arbitrary<Content> {
  return fc.oneof(textSpec(scale), brokenBytes, fc.constant(''), json(hostile));
}

/** A template pack folder: metadata JSON beside handlebars sources, plus junk, links and hidden folders. */
export function templateTree(scale: Scale, under = ''): fc.Arbitrary<FileSpec[]> {
  const entry = fc
    .tuple(
      fc.oneof(templateDefinition(scale), prototypePathTemplate),
      fc.constantFrom('a', 'b', '__proto__', 'constructor'),
      fc.boolean(),
    )
    .map(([definition, name, bom]) => {
      const files: FileSpec[] = [];
      const def = (typeof definition === 'object' && definition !== null ? definition : {}) as Record<
        string,
        unknown
      >;
      const { sources, ...metadata } = def;
      files.push({
        path: `${under}g/${name}.json`,
        content: { $json: typeof definition === 'object' ? metadata : definition, bom } as never,
      });
      if (typeof sources === 'object' && sources !== null)
        for (const [at, source] of Object.entries(sources))
          files.push({ path: `${under}g/${name}.${at}.hbs`, content: source as never });
      return files;
    });
  const extra = fc.oneof<fc.Arbitrary<FileSpec>[]>(
    junk(scale).map((content) => ({ path: `${under}g/junk.json`, content: content as never })),
    junk(scale).map((content) => ({ path: `${under}g/junk.zh-Hans.hbs`, content: content as never })),
    fc.constant({ path: `${under}g/link.json`, link: 'secret' as const }),
    fc.constant({ path: `${under}outside-link`, link: 'outside' as const }),
    fc.constant({ path: `${under}.hidden/x.json`, content: '{' }),
    fc.constant({ path: `${under}empty` }),
  );
  return fc
    .tuple(fc.array(entry, { maxLength: 2 }), fc.array(extra, { maxLength: 2 }))
    .map(([a, b]) => [...a.flat(), ...b]);
}

/** A folder of next-action rule files. */
export function actionTree(scale: Scale, under = ''): fc.Arbitrary<FileSpec[]> {
  const file = fc
    .tuple(
      record(
        {
          rules: fc.array(actionRule, { maxLength: 2 }),
          disable: fc.array(fc.constantFrom('complaint.escalate', 'nosuch', ...PROTO_KEYS), { maxLength: 1 }),
        },
        { requiredKeys: [] },
      ),
      fc.constantFrom('a', 'b', '__proto__', 'rule.schema'),
      fc.boolean(),
    )
    .map(([value, name, bom]) => ({ path: `${under}${name}.json`, content: { $json: value, bom } as never }));
  const extra = fc.oneof<fc.Arbitrary<FileSpec>[]>(
    junk(scale).map((content) => ({ path: `${under}junk.json`, content: content as never })),
    fc.constant({ path: `${under}link.json`, link: 'secret' as const }),
    fc.constant({ path: `${under}folder.json` }),
  );
  return fc
    .tuple(fc.array(file, { maxLength: 2 }), fc.array(extra, { maxLength: 2 }))
    .map(([a, b]) => [...a, ...b]);
}

/** Paths a configuration names: inside its folder, escaping it (../, absolute), missing, empty. */
export const configPath = fc.constantFrom(
  'templates',
  './actions',
  'lint/pack.json',
  'missing.json',
  '',
  '.',
  '../outside',
  '../outside/secret.json',
  '../outside/secret.txt',
  '../../outside/secret.json',
  '@OUTSIDE@/secret.json',
  '@OUTSIDE@',
  'templates/../../outside/secret.txt',
);

/** A huashu.config.json (at the root or in sub/) with the packs, templates and rules it names. */
export function configTree(scale: Scale): fc.Arbitrary<FileSpec[]> {
  const config = record(
    {
      lint: fc
        .tuple(lintOptions, fc.array(fc.oneof(configPath, phrasePack), { maxLength: 2 }))
        .map(([options, packs]) =>
          typeof options === 'object' && options !== null && !Array.isArray(options)
            ? { ...options, packs }
            : options,
        ),
      templates: fc.oneof(configPath, hostile),
      actions: fc.oneof(configPath, hostile),
      $schema: fc.constant('./schema.json'),
      [PROTO_KEYS[0]]: hostile,
    },
    { requiredKeys: [] },
  );
  return fc
    .tuple(
      config,
      fc.boolean(),
      fc.boolean(),
      templateTree(scale, 'templates/'),
      actionTree(scale, 'actions/'),
      fc.option(phrasePack, { nil: undefined }),
      fc.option(junk(scale), { nil: undefined }),
    )
    .map(([value, nested, bom, templates, actions, pack, broken]) => {
      const at = nested ? 'sub/' : '';
      const files: FileSpec[] = [
        { path: `${at}huashu.config.json`, content: (broken ?? { $json: value, bom }) as never },
      ];
      files.push(
        ...templates.map((f) => ({ ...f, path: `${at}${f.path}` })),
        ...actions.map((f) => ({ ...f, path: `${at}${f.path}` })),
      );
      if (pack !== undefined)
        files.push({ path: `${at}lint/pack.json`, content: { $json: pack, bom: false } as never });
      return files;
    });
}
