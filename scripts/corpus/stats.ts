/**
 * Prints figures of the generated corpus: records per intent and locale, distinct skeletons per
 * intent, share with a previous agent turn, length histogram and the near-duplicate ratio (share
 * of records with another record of the same locale at character-3-gram Jaccard ≥ 0.8).
 *
 *   npx tsx scripts/corpus/stats.ts
 */
import { fileURLToPath } from 'node:url';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import { ROOT } from './generate.js';
import { readCorpus } from './read.js';
import { LOCALES, type CorpusRecord, type Locale } from './schema.js';
import { gramOrder, lengthBucket, LENGTH_BUCKETS, SimilarityIndex } from './similarity.js';

const NEAR = 0.8;

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

function main(): void {
  const corpora = Object.fromEntries(LOCALES.map((l) => [l, readCorpus(ROOT, l)])) as Record<
    Locale,
    CorpusRecord[]
  >;
  console.log('records per intent (distinct skeletons in brackets)');
  console.log(['intent'.padEnd(28), ...LOCALES.map((l) => l.padStart(16))].join(''));
  for (const intent of BUILT_IN_INTENT_IDS) {
    const cells = LOCALES.map((l) => {
      const rows = corpora[l].filter((r) => r.intent === intent);
      const skeletons = new Set(rows.map((r) => r.skeleton)).size;
      return `${rows.length} (${skeletons})`.padStart(16);
    });
    console.log([intent.padEnd(28), ...cells].join(''));
  }
  console.log(
    [
      'total'.padEnd(28),
      ...LOCALES.map((l) =>
        `${corpora[l].length} (${new Set(corpora[l].map((r) => r.skeleton)).size})`.padStart(16),
      ),
    ].join(''),
  );
  console.log('');
  for (const locale of LOCALES) {
    const rows = corpora[locale];
    const withPrev = rows.filter((r) => r.prev !== undefined).length;
    const multiLine = rows.filter((r) => / /.test(r.text)).length;
    const placeholder = rows.filter((r) => /\[[^\]]+x\]|\[ORDERID_|\{\{/.test(r.text)).length;
    const order = gramOrder(rows.map((r) => r.text));
    const index = new SimilarityIndex(
      rows.map((r) => r.text),
      order,
      NEAR,
    );
    let near = 0;
    rows.forEach((r, i) => {
      if (index.query(r.text, i).ids.length > 0) near++;
    });
    const histogram = new Map<string, number>();
    for (const r of rows) histogram.set(lengthBucket(r.text), (histogram.get(lengthBucket(r.text)) ?? 0) + 1);
    const buckets = LENGTH_BUCKETS.map(([lo, hi]) => (hi === Infinity ? `${lo}+` : `${lo}-${hi}`));
    console.log(
      `${locale}: ${rows.length} records; with prev ${pct(withPrev, rows.length)}; ` +
        `with a space (several chat lines or words) ${pct(multiLine, rows.length)}; ` +
        `with a platform placeholder ${pct(placeholder, rows.length)}; ` +
        `near-duplicate ratio (3-gram Jaccard ≥ ${NEAR} to another record) ${pct(near, rows.length)}`,
    );
    console.log(
      `  length (characters without spaces): ${buckets.map((b) => `${b}: ${histogram.get(b) ?? 0}`).join(', ')}`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
