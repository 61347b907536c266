/**
 * no-pii-leak's phone finder on numbers it was not written from (test/lint/phone-writings.ts:
 * libphonenumber-js's example number of each served market, in each way people write it), per
 * form: how many numbers introduced as the customer's are found, how many shop lines are flagged.
 *
 *   npx tsx scripts/lint-lab/phone-formats.ts [--misses]
 */
import { createLinter } from '../../src/lint/index.js';
import { phoneWritings } from '../../test/lint/phone-writings.js';

const linter = createLinter();
const flagged = (text: string) => linter.lint(text).findings.some((f) => f.ruleId === 'no-pii-leak');
const showMisses = process.argv.includes('--misses');
const byForm = new Map<string, { found: number; total: number; shopFlagged: number }>();
for (const row of phoneWritings()) {
  const tally = byForm.get(row.form) ?? { found: 0, total: 0, shopFlagged: 0 };
  byForm.set(row.form, tally);
  tally.total++;
  if (flagged(row.customer)) tally.found++;
  else if (showMisses) console.log(`miss  ${row.region} ${row.form}: ${row.customer}`);
  if (flagged(row.shop)) {
    tally.shopFlagged++;
    if (showMisses) console.log(`alarm ${row.region} ${row.form}: ${row.shop}`);
  }
}
console.log("form                    customer's number found   shop line flagged");
let found = 0;
let total = 0;
let alarms = 0;
for (const [form, tally] of byForm) {
  console.log(
    `${form.padEnd(24)}${`${tally.found} / ${tally.total}`.padStart(14)}${String(tally.shopFlagged).padStart(18)}`,
  );
  found += tally.found;
  total += tally.total;
  alarms += tally.shopFlagged;
}
console.log(
  `all                     ${`${found} / ${total}`.padStart(14)}${String(alarms).padStart(18)}  (recall ${(found / total).toFixed(2)})`,
);
