/**
 * Writes the reference pages of the documentation site from the data, so they cannot drift from
 * it: one page per lint rule (docs/rules/), template (docs/templates/), next action
 * (docs/actions/) and intent (docs/intents/), each section's index, and the sidebar
 * (docs/.vitepress/generated/sidebar.json). Those folders are git-ignored and rewritten each run.
 *
 *   tsx scripts/docs/generate.ts      (part of `npm run docs:build`; needs `npm run gen` first)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionCatalogue } from '../../src/generated/actions-catalogue.js';
import { builtInActionRules } from '../../src/generated/actions-rules.js';
import { builtInTemplateDefinitions } from '../../src/generated/templates.js';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import { detectLanguage } from '../../src/language/detect.js';
import { applyFixes } from '../../src/lint/fixes.js';
import { createLinter } from '../../src/lint/linter.js';
import { builtInRuleDocsOf } from '../../src/lint/rule-docs.js';
import { lintRules } from '../../src/lint/rule-list.js';
import type { SeveritySetting } from '../../src/lint/types.js';
import { createTemplateCatalogue } from '../../src/templates/index.js';
import { LOCALES, type SupportedLocale } from '../../src/vocabulary.js';
import { ruleCases, type RuleCases } from '../../test/lint/cases/index.js';
import { contextOf, type InvalidCase, type ValidCase } from '../../test/lint/cases/types.js';
import { block, cell, code, page, slug, table } from './markdown.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOCS = join(ROOT, 'docs');
/** Examples shown per locale and kind on a rule page; the rest are counted and linked. */
const MAX_EXAMPLES = 10;
const LOCALE_NAMES: Record<SupportedLocale, string> = {
  'zh-Hans': '简体中文 (zh-Hans)',
  'zh-Hant': '繁體中文 (zh-Hant)',
  en: 'English (en)',
};

interface SidebarItem {
  text: string;
  link: string;
}

function write(path: string, content: string): void {
  mkdirSync(dirname(join(DOCS, path)), { recursive: true });
  writeFileSync(join(DOCS, path), content);
}

/** A link from a page at `from` (a docs-relative .md path) to another one. */
function link(from: string, to: string, text: string): string {
  const up = from.split('/').length - 1;
  return `[${text.replace(/[[\]]/g, '\\$&')}](${'../'.repeat(up)}${to})`;
}

const templatePath = (id: string) => `templates/${slug(id)}.md`;
const actionPath = (id: string) => `actions/${slug(id)}.md`;
const intentPath = (id: string) => `intents/${slug(id)}.md`;
const rulePath = (id: string) => `rules/${slug(id)}.md`;

// ---------------------------------------------------------------- lint rules

function localeOf(test: ValidCase): SupportedLocale {
  if (test.locale !== undefined) return test.locale;
  const detected = detectLanguage(test.text).locale;
  if (detected === 'zh-Hant') return 'zh-Hant';
  if (detected === 'en' || !/\p{Script=Han}/u.test(test.text)) return 'en';
  return 'zh-Hans';
}

function contextText(test: ValidCase): string {
  const parts: string[] = [];
  if (test.facts !== undefined) parts.push(`facts: ${code(JSON.stringify(test.facts))}`);
  if (test.conversation !== undefined)
    parts.push(
      test.conversation.length === 0
        ? 'conversation: (none before)'
        : test.conversation.map((turn) => `${turn.role}: ${cell(turn.text)}`).join('<br>'),
    );
  return parts.join('<br>') || '—';
}

function rulePage(id: string, cases: RuleCases | undefined): string {
  const info = lintRules.find((rule) => rule.id === id)!;
  const docs = builtInRuleDocsOf(id);
  if (docs === undefined) throw new Error(`rule ${id} has no rules/lint/docs/${id}.md`);
  const only: Record<string, SeveritySetting> = Object.fromEntries(
    lintRules.map((rule) => [rule.id, rule.id === id ? rule.defaultSeverity : 'off']),
  );
  const linter = createLinter({ rules: only });
  const from = rulePath(id);

  const examples: string[] = [];
  const valid = (cases?.valid ?? []).map((test) => (typeof test === 'string' ? { text: test } : test));
  const invalid: InvalidCase[] = cases?.invalid ?? [];
  for (const locale of LOCALES) {
    const bad = invalid.filter((test) => localeOf(test) === locale);
    const good = valid.filter((test) => localeOf(test) === locale);
    const rows = bad.slice(0, MAX_EXAMPLES).map((test) => {
      const result = linter.lint(test.text, contextOf(test));
      const findings = result.findings
        .map((f) => `${code(f.messageId)} (${f.severity}): ${cell(f.message)}`)
        .join('<br>');
      const fixed = result.findings.some((f) => f.fix !== undefined)
        ? cell(applyFixes(test.text, result.findings).text)
        : '—';
      return [cell(test.text), contextText(test), findings || '—', fixed];
    });
    examples.push(
      `### ${LOCALE_NAMES[locale]}`,
      '',
      `**Incorrect** — reported:`,
      '',
      table(['Reply', 'Context', 'Finding', 'After `--fix`'], rows),
      '',
      bad.length > MAX_EXAMPLES
        ? `_${bad.length - MAX_EXAMPLES} more incorrect examples in the rule's test table._\n`
        : '',
      `**Correct** — not reported:`,
      '',
      table(
        ['Reply', 'Context'],
        good.slice(0, MAX_EXAMPLES).map((test) => [cell(test.text), contextText(test)]),
      ),
      '',
      good.length > MAX_EXAMPLES
        ? `_${good.length - MAX_EXAMPLES} more correct examples in the rule's test table._\n`
        : '',
    );
  }

  const body = [
    `# ${id}`,
    '',
    cell(info.description),
    '',
    table(
      ['Category', 'Default severity', 'Fixable', 'Suggests a template', 'Needs a conversation'],
      [
        [
          info.category,
          info.offByDefault ? `off (${info.defaultSeverity} when on)` : info.defaultSeverity,
          info.fixable ? 'yes' : 'no',
          info.hasSuggestions ? 'yes' : 'no',
          info.requiresConversation ? 'yes' : 'no',
        ],
      ],
    ),
    '',
    '## What it catches',
    '',
    docs.catches,
    '',
    '## Why the documents forbid it',
    '',
    docs.why,
    '',
    '## Examples',
    '',
    `Taken from the rule's test table (${code(`test/lint/cases/${id}.ts`)}); the findings and fixes below are what the linter reports today.`,
    '',
    ...examples,
    '## Options',
    '',
    docs.options,
    '',
    '## Autofix',
    '',
    docs.autofix,
    '',
    '## Configure',
    '',
    block(JSON.stringify({ lint: { rules: { [id]: 'warn' } } }, null, 2), 'json'),
    '',
    `See ${link(from, 'guide/configuration.md', 'configuration')} and ${link(from, 'guide/check-a-draft.md', 'checking a draft')}.`,
  ].join('\n');
  return page(id, body, `rules/lint/docs/${id}.md, test/lint/cases/${id}.ts`);
}

// ---------------------------------------------------------------- templates

const templates = builtInTemplateDefinitions();
const catalogue = createTemplateCatalogue();

function templatePage(id: string): string {
  const t = templates.find((template) => template.id === id)!;
  const from = templatePath(id);
  const texts = LOCALES.flatMap((locale) => {
    const source = (t.sources as Partial<Record<SupportedLocale, string>>)[locale];
    if (source === undefined) return [];
    let example: string | undefined;
    try {
      example = catalogue.example(id, locale);
    } catch {
      example = undefined;
    }
    return [
      `### ${LOCALE_NAMES[locale]}`,
      '',
      block(source, 'handlebars'),
      '',
      ...(example === undefined ? [] : ['With the example values:', '', `> ${cell(example)}`, '']),
    ];
  });
  const variables = Object.entries(t.variables).map(([name, v]) => [
    code(name),
    v.type,
    v.optional === true ? 'optional' : 'required',
    cell(v.description ?? ''),
    v.example === undefined
      ? '—'
      : cell(
          typeof v.example === 'object' && v.example !== null ? JSON.stringify(v.example) : String(v.example),
        ),
  ]);
  const when = (t as { when?: unknown }).when;
  const body = [
    `# ${id}`,
    '',
    cell(t.description),
    '',
    '## Text',
    '',
    ...texts,
    '## Variables',
    '',
    table(['Variable', 'Type', 'Required', 'Meaning', 'Example'], variables),
    '',
    '## When it is chosen',
    '',
    `- Stage: ${code(t.stage)}`,
    `- Intents: ${t.intents.length === 0 ? 'none (chosen by id or stage)' : t.intents.map((intent) => ((BUILT_IN_INTENT_IDS as readonly string[]).includes(intent) ? link(from, intentPath(intent), intent) : code(intent))).join(', ')}`,
    `- Channels: ${t.channels.map((c) => code(c)).join(', ')}`,
    ...(when === undefined
      ? []
      : ['- Only when the facts match:', '', block(JSON.stringify(when, null, 2), 'json')]),
  ].join('\n');
  return page(id, body, `templates/${id}.json and its .hbs files`);
}

// ---------------------------------------------------------------- actions

const actions = actionCatalogue().actions;
const actionRules = builtInActionRules();

function actionIdsOf(rule: (typeof actionRules)[number]): string[] {
  const list = (rule.event.params as { actions?: Array<string | { id: string }> } | undefined)?.actions ?? [];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.id));
}

function actionPage(id: string): string {
  const a = actions.find((action) => action.id === id)!;
  const from = actionPath(id);
  const params = Object.entries(a.params).map(([name, p]) => {
    const spec = p as { type?: string; enum?: string[]; description?: Record<string, string> };
    return [
      code(name),
      spec.type ?? '—',
      spec.enum ? spec.enum.map((v) => code(v)).join(', ') : '—',
      cell(spec.description?.en ?? ''),
      cell(spec.description?.['zh-Hans'] ?? ''),
    ];
  });
  const firing = actionRules.filter((rule) => actionIdsOf(rule).includes(id));
  const body = [
    `# ${id}`,
    '',
    table(
      ['Locale', 'Description'],
      LOCALES.map((locale) => [
        LOCALE_NAMES[locale],
        cell((a.description as Record<string, string>)[locale] ?? ''),
      ]),
    ),
    '',
    '## Parameters',
    '',
    table(['Parameter', 'Type', 'Values', 'Meaning', '说明'], params),
    '',
    '## Must not appear with',
    '',
    a.conflictsWith.length === 0
      ? '_Nothing: it combines with every other action._'
      : `${a.conflictsWith.map((other) => link(from, actionPath(other), other)).join(', ')} — when both are recommended, the rule with the higher priority wins.`,
    '',
    ...(a.costly === undefined
      ? []
      : [
          '## A costly action',
          '',
          `Money or goods leave the shop: ${cell(a.costly.guard.en)} (${cell(a.costly.guard['zh-Hans'])})`,
          '',
        ]),
    '## Rules that recommend it',
    '',
    firing.length === 0
      ? '_No built-in rule; a shop rule may._'
      : firing
          .map((rule) =>
            [
              `### ${rule.name}`,
              '',
              cell(rule.description ?? ''),
              '',
              `Priority ${rule.priority ?? '—'}; recommends ${actionIdsOf(rule)
                .map((other) => (other === id ? code(other) : link(from, actionPath(other), other)))
                .join(', ')} when:`,
              '',
              block(JSON.stringify(rule.conditions, null, 2), 'json'),
              '',
            ].join('\n'),
          )
          .join('\n'),
  ].join('\n');
  return page(id, body, 'rules/actions/catalogue.json and rules/actions/*.json');
}

// ---------------------------------------------------------------- intents

type Corpus = { data: Array<{ intent: string; tests?: string[] }> };
const corpora = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    JSON.parse(readFileSync(join(ROOT, 'rules', 'intents', `corpus.${locale}.json`), 'utf8')) as Corpus,
  ]),
) as Record<SupportedLocale, Corpus>;

function intentPage(id: string): string {
  const from = intentPath(id);
  const leading = templates.filter((t) => t.intents.includes(id));
  const meaning = leading.find((t) => t.stage === 'answer') ?? leading[0];
  const rules = actionRules.filter((rule) => JSON.stringify(rule.conditions).includes(JSON.stringify(id)));
  const examples = LOCALES.flatMap((locale) => {
    const tests = corpora[locale].data.find((entry) => entry.intent === id)?.tests ?? [];
    return [
      `### ${LOCALE_NAMES[locale]}`,
      '',
      tests.length === 0 ? '_No test messages._' : tests.map((text) => `- ${cell(text)}`).join('\n'),
      '',
    ];
  });
  const body = [
    `# ${id}`,
    '',
    meaning === undefined
      ? id === 'other'
        ? 'Out of scope or unclear; also the answer below the confidence threshold.'
        : ''
      : cell(meaning.description),
    '',
    '## Example messages',
    '',
    `The held-out test messages of the intent corpus (${code('rules/intents/corpus.<locale>.json')}, field ${code('tests')}).`,
    '',
    ...examples,
    '## Templates it leads to',
    '',
    table(
      ['Template', 'Stage', 'Description'],
      leading.map((t) => [link(from, templatePath(t.id), t.id), t.stage, cell(t.description)]),
    ),
    '',
    '## Actions it leads to',
    '',
    table(
      ['Rule', 'Actions', 'Description'],
      rules.map((rule) => [
        code(rule.name),
        actionIdsOf(rule)
          .map((a) => link(from, actionPath(a), a))
          .join(', '),
        cell(rule.description ?? ''),
      ]),
    ),
  ].join('\n');
  return page(id, body, 'rules/intents/corpus.*.json, templates/, rules/actions/');
}

// ---------------------------------------------------------------- write

export function generate(): Record<string, SidebarItem[]> {
  for (const dir of ['rules', 'templates', 'actions', 'intents'])
    rmSync(join(DOCS, dir), { recursive: true, force: true });
  const sidebar: Record<string, SidebarItem[]> = { rules: [], templates: [], actions: [], intents: [] };

  for (const rule of lintRules) {
    write(rulePath(rule.id), rulePage(rule.id, ruleCases[rule.id]));
    sidebar.rules!.push({ text: rule.id, link: `/${rulePath(rule.id).replace(/\.md$/, '')}` });
  }
  for (const t of templates) {
    write(templatePath(t.id), templatePage(t.id));
    sidebar.templates!.push({ text: t.id, link: `/${templatePath(t.id).replace(/\.md$/, '')}` });
  }
  for (const a of actions) {
    write(actionPath(a.id), actionPage(a.id));
    sidebar.actions!.push({ text: a.id, link: `/${actionPath(a.id).replace(/\.md$/, '')}` });
  }
  for (const id of BUILT_IN_INTENT_IDS) {
    write(intentPath(id), intentPage(id));
    sidebar.intents!.push({ text: id, link: `/${intentPath(id).replace(/\.md$/, '')}` });
  }

  const index = (section: string, title: string, intro: string, rows: string[][], head: string[]) =>
    write(
      `${section}/index.md`,
      page(title, [`# ${title}`, '', intro, '', table(head, rows)].join('\n'), `rules/ and templates/`),
    );
  index(
    'rules',
    'Lint rules',
    'Every rule `huashu lint` runs. Each finding’s `url` and each SARIF rule’s `helpUri` point to its page here.',
    lintRules.map((r) => [
      link('rules/index.md', rulePath(r.id), r.id),
      cell(r.description),
      r.offByDefault ? `off (${r.defaultSeverity} when on)` : r.defaultSeverity,
      r.fixable ? 'yes' : 'no',
    ]),
    ['Rule', 'What it reports', 'Severity', 'Fixable'],
  );
  index(
    'templates',
    'Reply templates',
    `The ${templates.length} built-in templates, each in ${LOCALES.length} locales.`,
    templates.map((t) => [
      link('templates/index.md', templatePath(t.id), t.id),
      t.stage,
      cell(t.description),
    ]),
    ['Template', 'Stage', 'When'],
  );
  index(
    'actions',
    'Next actions',
    `The ${actions.length} next actions and the ${actionRules.length} built-in rules that recommend them.`,
    actions.map((a) => [
      link('actions/index.md', actionPath(a.id), a.id),
      cell(a.description.en),
      cell(a.description['zh-Hans']),
    ]),
    ['Action', 'Description', '说明'],
  );
  index(
    'intents',
    'Intents',
    `The ${BUILT_IN_INTENT_IDS.length} built-in intents.`,
    BUILT_IN_INTENT_IDS.map((id) => [
      link('intents/index.md', intentPath(id), id),
      cell(templates.find((t) => t.intents.includes(id) && t.stage === 'answer')?.description ?? ''),
    ]),
    ['Intent', 'Meaning'],
  );
  mkdirSync(join(DOCS, '.vitepress', 'generated'), { recursive: true });
  writeFileSync(
    join(DOCS, '.vitepress', 'generated', 'sidebar.json'),
    `${JSON.stringify(sidebar, null, 2)}\n`,
  );
  return sidebar;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const sidebar = generate();
  const counts = Object.entries(sidebar).map(([section, items]) => `${items.length} ${section}`);
  console.log(`docs: generated ${counts.join(', ')} pages in ${Math.round(performance.now() - started)} ms`);
}
