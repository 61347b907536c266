import {
  createAssistant,
  isHuashuError,
  type Analysis,
  type Assistant,
  type Context,
  type Facts,
  type Finding,
  type LintContext,
} from '../../src/index.js';
import { parseOrThrow } from '../../src/errors.js';
import { factsSchema } from '../../src/facts.js';
import { applyFixes } from '../../src/lint/fixes.js';
import { byId, debounce, fill, h } from './dom.js';
import { segment, type Mark } from './highlight.js';
import { PACK_KIND_NAMES, packOptions, problemsOf, readPack, type Pack, type PackProblem } from './packs.js';
import { readFragment, writeFragment, type LocaleChoice, type PlaygroundState } from './state.js';
import './style.css';

const inputs = {
  text: byId<HTMLTextAreaElement>('text'),
  prev: byId<HTMLTextAreaElement>('prev'),
  facts: byId<HTMLTextAreaElement>('facts'),
  locale: byId<HTMLSelectElement>('locale'),
  draft: byId<HTMLTextAreaElement>('draft'),
};
const out = {
  factsErrors: byId('facts-errors'),
  errors: byId('errors'),
  intent: byId('intent'),
  candidates: byId('candidates'),
  message: byId('message-marked'),
  signals: byId('signals'),
  entities: byId('entities'),
  risk: byId('risk'),
  actions: byId('actions'),
  replies: byId('replies'),
  draftMarked: byId('draft-marked'),
  findings: byId('findings'),
  findingsSummary: byId('findings-summary'),
  packList: byId('pack-list'),
  packProblems: byId('pack-problems'),
};

let packs: Pack[] = [];
// Marks read by the tests and scripts/playground-figures.ts (navigation start → script → assistant → first intent).
performance.mark('playground:script');
// Created in start(), after the form has painted; no handler runs before then.
let assistant!: Assistant;
let pastedCount = 0;

const percent = (x: number) => `${Math.round(x * 100)}%`;

function state(): PlaygroundState {
  return {
    text: inputs.text.value,
    prev: inputs.prev.value,
    draft: inputs.draft.value,
    facts: inputs.facts.value,
    locale: inputs.locale.value as LocaleChoice,
  };
}

function show(next: PlaygroundState): void {
  inputs.text.value = next.text;
  inputs.prev.value = next.prev;
  inputs.draft.value = next.draft;
  inputs.facts.value = next.facts;
  inputs.locale.value = next.locale;
}

/** The facts as typed: empty is none; otherwise JSON checked against the library's facts schema. */
function readFacts(): { facts?: Facts; problems: Array<{ path: string; message: string }> } {
  const text = inputs.facts.value.trim();
  if (text === '') return { problems: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: '(root)', message: `not JSON: ${(error as Error).message}` }] };
  }
  try {
    return { facts: parseOrThrow(factsSchema, value, 'INVALID_INPUT', 'facts'), problems: [] };
  } catch (error) {
    if (isHuashuError(error))
      return { problems: error.issues.map((i) => ({ path: i.path || '(root)', message: i.message })) };
    throw error;
  }
}

function context(): Context | undefined {
  const prev = inputs.prev.value;
  return prev.trim() === '' ? undefined : { previousAgentMessage: prev };
}

function marked(text: string, marks: readonly Mark[]): Node[] {
  return segment(text, marks).map((part) =>
    part.marks.length === 0
      ? document.createTextNode(part.text)
      : h(
          'mark',
          {
            class: [...new Set(part.marks.map((m) => m.kind))].join(' '),
            title: part.marks.map((m) => m.label).join('\n'),
          },
          part.text,
        ),
  );
}

function listOrNone(parent: HTMLElement, items: HTMLElement[], none: string): void {
  fill(parent, ...(items.length > 0 ? items : []));
  parent.dataset.empty = items.length === 0 ? none : '';
}

function renderAnalysis(analysis: Analysis): void {
  const { intent } = analysis;
  fill(
    out.intent,
    h('span', { class: 'intent-id', 'data-intent': intent.id }, intent.id),
    ' ',
    h(
      'span',
      { class: 'confidence', 'data-confidence': String(intent.confidence) },
      percent(intent.confidence),
    ),
    ' · ',
    h('span', { class: 'language' }, `${analysis.language.locale} (${analysis.language.script})`),
  );
  listOrNone(
    out.candidates,
    analysis.intents.slice(0, 5).map((c) =>
      h(
        'li',
        { 'data-intent': c.id },
        h('code', {}, c.id),
        ` ${percent(c.confidence)}`,
        c.evidence.length > 0
          ? h(
              'span',
              { class: 'muted' },
              ` — ${c.evidence
                .slice(0, 3)
                .map((e) => e.detail)
                .join(', ')}`,
            )
          : null,
      ),
    ),
    'no candidates',
  );
  const marks: Mark[] = [];
  const top = analysis.intents[0];
  for (const e of top?.evidence ?? [])
    if (e.range)
      marks.push({
        start: e.range[0],
        end: e.range[1],
        kind: 'evidence',
        label: `${top!.id}: ${e.source} ${e.detail}`,
      });
  for (const s of analysis.signals)
    for (const e of s.evidence)
      marks.push({ start: e.range[0], end: e.range[1], kind: 'signal', label: `signal ${s.id}` });
  for (const e of analysis.entities)
    marks.push({ start: e.range[0], end: e.range[1], kind: 'entity', label: `${e.type}: ${e.value}` });
  fill(out.message, ...marked(analysis.text, marks));
  listOrNone(
    out.signals,
    analysis.signals.map((s) =>
      h(
        'li',
        { 'data-signal': s.id },
        h('code', {}, s.id),
        ` ${percent(s.score)}`,
        s.detail ? ` — ${s.detail}` : null,
      ),
    ),
    'no signals',
  );
  listOrNone(
    out.entities,
    analysis.entities.map((e) =>
      h(
        'li',
        { 'data-entity': e.type },
        h('code', {}, e.type),
        ` ${e.masked ?? e.text}`,
        e.value !== e.text ? h('span', { class: 'muted' }, ` → ${e.value}`) : null,
      ),
    ),
    'no entities',
  );
  fill(
    out.risk,
    h('span', { class: `risk risk-${analysis.risk}`, 'data-risk': analysis.risk }, analysis.risk),
  );
}

function renderCustomer(facts: Facts | undefined): void {
  const analysed = renderIntent();
  if (analysed) renderNextSteps(analysed, facts);
}

/** The customer message's analysis on screen (the first result), or undefined without a message. */
function renderIntent(): { analysis: Analysis; ctx: Context | undefined } | undefined {
  const text = inputs.text.value;
  if (text.trim() === '') {
    for (const element of [
      out.intent,
      out.candidates,
      out.message,
      out.signals,
      out.entities,
      out.risk,
      out.actions,
      out.replies,
    ])
      fill(element);
    out.intent.textContent = 'Type a customer message.';
    return undefined;
  }
  const ctx = context();
  const analysis = assistant.analyze(text, ctx);
  renderAnalysis(analysis);
  markFirstResult();
  return { analysis, ctx };
}

/** The next actions and the rendered replies for an analysed message. */
function renderNextSteps(
  { analysis, ctx }: { analysis: Analysis; ctx: Context | undefined },
  facts: Facts | undefined,
): void {
  const choice = inputs.locale.value as LocaleChoice;
  // The replies' locale is the customer's; a chosen one is given as the analysed language.
  const asAnalysed =
    choice === 'auto' ? analysis : { ...analysis, language: { ...analysis.language, locale: choice } };
  const recommendation = assistant.recommend({
    analysis: asAnalysed,
    ...(facts ? { facts } : {}),
    ...(ctx ? { context: ctx } : {}),
  });
  listOrNone(
    out.actions,
    recommendation.actions.map((a) =>
      h(
        'li',
        { 'data-action': a.id },
        h('code', {}, a.id),
        ' ',
        h('span', {}, a.description),
        h('div', { class: 'muted' }, `because ${a.because} (rule ${a.rule}, priority ${a.priority})`),
      ),
    ),
    'no actions',
  );
  listOrNone(
    out.replies,
    recommendation.replies.map((r) =>
      h(
        'li',
        { 'data-template': r.templateId, lang: r.locale },
        h('div', { class: 'muted' }, `${r.stage} · ${r.templateId} · ${r.locale}`),
        r.text !== undefined
          ? h('p', { class: 'reply-text' }, r.text)
          : h('p', { class: 'missing' }, `needs facts: ${(r.missing ?? []).join(', ')}`),
      ),
    ),
    'no replies',
  );
}

function lintContext(facts: Facts | undefined): LintContext {
  const history: NonNullable<LintContext['history']> = [];
  if (inputs.prev.value.trim() !== '') history.push({ role: 'agent', text: inputs.prev.value });
  if (inputs.text.value.trim() !== '') history.push({ role: 'customer', text: inputs.text.value });
  const choice = inputs.locale.value as LocaleChoice;
  return {
    ...(facts ? { facts } : {}),
    ...(history.length > 0 ? { history } : {}),
    ...(choice === 'auto' ? {} : { locale: choice }),
  };
}

function renderDraft(facts: Facts | undefined): void {
  const draft = inputs.draft.value;
  const result =
    draft.trim() === ''
      ? { findings: [], errorCount: 0, warningCount: 0 }
      : assistant.lint(draft, lintContext(facts));
  fill(
    out.draftMarked,
    ...marked(
      draft,
      result.findings.map((f) => ({
        start: f.range[0],
        end: f.range[1],
        kind: `finding ${f.severity}`,
        label: `${f.ruleId}: ${f.message}`,
      })),
    ),
  );
  out.findingsSummary.textContent =
    draft.trim() === ''
      ? 'Type a draft reply.'
      : `${result.errorCount} errors, ${result.warningCount} warnings`;
  listOrNone(
    out.findings,
    result.findings.map((f) => findingItem(draft, f)),
    'no findings',
  );
  // Navigation start → the draft's findings on screen (read by scripts/bench, like first-intent).
  if (draft.trim() !== '' && performance.getEntriesByName('playground:first-lint').length === 0)
    performance.mark('playground:first-lint');
}

function findingItem(draft: string, f: Finding): HTMLElement {
  const fix = f.fix
    ? h(
        'button',
        {
          type: 'button',
          class: 'fix',
          'aria-label': `Apply fix for ${f.ruleId}: replace “${f.actual}” with “${f.fix.text}”`,
        },
        `Fix: “${f.fix.text}”`,
      )
    : null;
  fix?.addEventListener('click', () => {
    inputs.draft.value = applyFixes(draft, [f]).text;
    update();
    inputs.draft.focus();
  });
  return h(
    'li',
    { class: `finding ${f.severity}`, 'data-rule-id': f.ruleId },
    h('span', { class: `severity ${f.severity}` }, f.severity),
    ' ',
    f.url
      ? h('a', { href: f.url, class: 'rule-id', target: '_blank', rel: 'noopener noreferrer' }, f.ruleId)
      : h('code', { class: 'rule-id' }, f.ruleId),
    ` [${f.range[0]}, ${f.range[1]}) `,
    h('span', { class: 'finding-message' }, f.message),
    f.expected !== undefined ? h('div', {}, `expected: ${f.expected}`) : null,
    ...(f.suggestions ?? []).map((s) => h('div', { class: 'suggestion' }, `suggestion: ${s.text}`)),
    fix,
  );
}

let firstResult: number | undefined;
/**
 * Navigation start → the first intent written to the page (read by the tests; the bench reads
 * when it was painted, from Element Timing of `elementtiming="first-result"`).
 */
function markFirstResult(): void {
  if (firstResult !== undefined) return;
  firstResult = performance.now();
  performance.mark('playground:first-intent');
  document.documentElement.dataset.firstResultMs = firstResult.toFixed(1);
}

function renderFactsProblems(problems: Array<{ path: string; message: string }>): void {
  inputs.facts.setAttribute('aria-invalid', problems.length > 0 ? 'true' : 'false');
  fill(
    out.factsErrors,
    ...problems.map((p) => h('li', { 'data-path': p.path }, h('code', {}, p.path), ` ${p.message}`)),
  );
}

/** Runs one side's rendering; bad input the library rejects (e.g. over its size limits) is shown, not thrown. */
function shown<T>(render: () => T): T | undefined {
  try {
    return render();
  } catch (error) {
    if (!isHuashuError(error)) throw error;
    out.errors.append(h('p', { role: 'alert' }, `${error.code}: ${error.message}`));
    return undefined;
  }
}

/** The order facts, their problems shown, and the previous update's errors cleared. */
function factsShown(): Facts | undefined {
  const { facts, problems } = readFacts();
  renderFactsProblems(problems);
  fill(out.errors);
  return facts;
}

function writeState(): void {
  const fragment = writeFragment(state());
  if (fragment !== location.hash && !(fragment === '' && location.hash === ''))
    history.replaceState(null, '', fragment === '' ? location.pathname + location.search : fragment);
}

function update(): void {
  const facts = factsShown();
  shown(() => renderCustomer(facts));
  shown(() => renderDraft(facts));
  writeState();
}

/** Resolves after the browser has painted what the DOM holds now (a frame, then a task after it). */
const painted = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * The first load, in stages that each reach the screen: the form (and the case of a shared link),
 * then the message's analysis, then its next steps and the draft's findings. Run as one task, the
 * page stayed blank until all of it was done (the intent painted at ~620 ms, by Element Timing).
 */
async function start(): Promise<void> {
  show(readFragment(location.hash));
  renderPacks([]);
  await painted();
  performance.mark('playground:form-painted');
  assistant = createAssistant();
  performance.mark('playground:assistant-ready');
  const rendered = JSON.stringify(state());
  const facts = factsShown();
  const analysed = shown(renderIntent);
  await painted();
  if (analysed) shown(() => renderNextSteps(analysed, facts));
  shown(() => renderDraft(facts));
  writeState();
  wire();
  // Typed while the page was starting: shown now.
  if (JSON.stringify(state()) !== rendered) update();
}

// ---- packs ----

function renderPacks(problems: PackProblem[]): void {
  fill(
    out.packProblems,
    ...problems.map((p) =>
      h(
        'li',
        { 'data-file': p.file, 'data-path': p.path },
        h('code', {}, p.file),
        ' ',
        h('code', {}, p.path),
        ` ${p.message}`,
      ),
    ),
  );
  listOrNone(
    out.packList,
    packs.map((pack, index) => {
      const download = h('button', { type: 'button' }, `Download ${pack.file}`);
      download.addEventListener('click', () => {
        const blob = new Blob([`${JSON.stringify(pack.value, null, 2)}\n`], { type: 'application/json' });
        const link = h('a', { href: URL.createObjectURL(blob), download: pack.file });
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 0);
      });
      const remove = h('button', { type: 'button' }, `Remove ${pack.file}`);
      remove.addEventListener('click', () => {
        packs = packs.filter((_, i) => i !== index);
        assistant = createAssistant(packOptions(packs));
        renderPacks([]);
        update();
      });
      return h(
        'li',
        { 'data-pack': pack.file, 'data-kind': pack.kind },
        h('code', {}, pack.file),
        ` ${PACK_KIND_NAMES[pack.kind]} `,
        download,
        ' ',
        remove,
      );
    }),
    'no packs: the built-in data only',
  );
}

/** Adds the files as packs; any problem (per file, then together) keeps the current packs. */
function addPacks(files: Array<{ name: string; text: string }>): void {
  const problems: PackProblem[] = [];
  const added: Pack[] = [];
  for (const file of files) {
    const reading = readPack(file.name, file.text);
    if (reading.pack) added.push(reading.pack);
    else problems.push(...reading.problems);
  }
  if (problems.length === 0 && added.length > 0) {
    const next = [...packs.filter((p) => !added.some((a) => a.file === p.file)), ...added];
    const together = problemsOf(packOptions(next), added.map((a) => a.file).join(', '));
    if (together.length === 0) {
      packs = next;
      assistant = createAssistant(packOptions(packs));
    } else problems.push(...together);
  }
  renderPacks(problems);
  update();
}

async function addFileList(list: FileList | null): Promise<void> {
  if (!list) return;
  addPacks(await Promise.all([...list].map(async (file) => ({ name: file.name, text: await file.text() }))));
}

function wirePacks(): void {
  const pasteBox = byId<HTMLTextAreaElement>('pack-text');
  byId('pack-add').addEventListener('click', () => {
    if (pasteBox.value.trim() === '') return;
    addPacks([{ name: `pasted-${++pastedCount}.json`, text: pasteBox.value }]);
  });
  const fileInput = byId<HTMLInputElement>('pack-file');
  fileInput.addEventListener('change', () => {
    void addFileList(fileInput.files).then(() => (fileInput.value = ''));
  });
  const dropZone = byId('pack-drop');
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('over');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('over');
    void addFileList(event.dataTransfer?.files ?? null);
  });
}

// ---- wiring ----

/** The handlers, once the assistant exists (start() shows what was typed before then). */
function wire(): void {
  wirePacks();
  const typed = debounce(update, 60);
  for (const input of [inputs.text, inputs.prev, inputs.facts, inputs.draft])
    input.addEventListener('input', typed);
  inputs.locale.addEventListener('change', update);
  // A shared link followed in this tab (or the back button) loads its case.
  window.addEventListener('hashchange', () => {
    show(readFragment(location.hash));
    update();
  });
}

void start();
