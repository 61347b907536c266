/**
 * Converts hand-written message lines into rules/intents/written/messy.<locale>.jsonl.
 * It only reformats what was written by hand; it produces no text of its own.
 *
 * Input: a folder with one sub-folder per locale (zh-Hans, zh-Hant, en) of *.txt files, read in
 * name order. A line is `code@@text` or `code@@text@@prev`; a line `>prev text` sets the agent's
 * previous message for the following lines until a blank line; `#` starts a comment line.
 * `code` is a short alias of an intent id (table below) or the id itself.
 *
 *   node scripts/corpus/written-messy-convert.mjs <raw-folder>
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ALIAS = {
  gr: 'greeting',
  ak: 'ack',
  th: 'thanks',
  gb: 'goodbye',
  hu: 'human_agent',
  pi: 'product.inquiry',
  pa: 'product.authenticity',
  ps: 'product.stock',
  bg: 'price.bargain',
  pr: 'promotion.inquiry',
  pay: 'payment.issue',
  inv: 'invoice',
  st: 'order.ship_time',
  sd: 'order.shipping_delay',
  lg: 'order.logistics',
  cs: 'order.courier_stalled',
  os: 'order.status',
  ca: 'order.change_address',
  ci: 'order.change_item',
  sr: 'order.special_request',
  cn: 'order.cancel',
  rx: 'aftersale.return_exchange',
  rf: 'aftersale.refund',
  pp: 'aftersale.price_protection',
  wm: 'aftersale.wrong_missing',
  df: 'aftersale.defect',
  ri: 'aftersale.repair_install',
  cp: 'complaint',
  fb: 'feedback',
  ab: 'abuse',
  ot: 'other',
};
const IDS = new Set(Object.values(ALIAS));

const root = process.argv[2];
if (!root) {
  console.error('usage: node scripts/corpus/written-messy-convert.mjs <raw-folder>');
  process.exit(2);
}
let problems = 0;
for (const locale of ['zh-Hans', 'zh-Hant', 'en']) {
  const dir = join(root, locale);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const out = [];
  const seen = new Map();
  const bare = new Map();
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    let prev;
    lines.forEach((raw, i) => {
      const where = `${locale}/${file}:${i + 1}`;
      const line = raw.trim();
      if (line === '') {
        prev = undefined;
        return;
      }
      if (line.startsWith('#')) return;
      if (line.startsWith('>')) {
        prev = line.slice(1).trim();
        return;
      }
      const parts = line.split('@@');
      if (parts.length < 2 || parts.length > 3) {
        console.error(`${where}: expected code@@text[@@prev]: ${line}`);
        problems++;
        return;
      }
      const code = parts[0].trim();
      const intent = ALIAS[code] ?? (IDS.has(code) ? code : undefined);
      const text = parts[1].trim();
      const p = parts.length === 3 ? parts[2].trim() : prev;
      if (!intent || text === '') {
        console.error(`${where}: unknown code or empty text: ${line}`);
        problems++;
        return;
      }
      const key = `${text}\u0000${p ?? ''}`;
      if (seen.has(key)) {
        console.error(`${where}: duplicate of ${seen.get(key)} (dropped): ${text}`);
        return;
      }
      seen.set(key, where);
      if (p === undefined) {
        const before = bare.get(text);
        if (before && before.intent !== intent) {
          console.error(
            `${where}: same text without prev labelled ${before.intent} at ${before.where}: ${text}`,
          );
          problems++;
        }
        bare.set(text, { intent, where });
      }
      out.push(JSON.stringify(p === undefined ? { text, intent } : { text, intent, prev: p }));
    });
  }
  writeFileSync(`rules/intents/written/messy.${locale}.jsonl`, out.length ? out.join('\n') + '\n' : '');
  console.log(`${locale}: ${out.length} messages`);
}
if (problems) {
  console.error(`${problems} problem(s)`);
  process.exit(1);
}
