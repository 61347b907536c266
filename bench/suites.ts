import type { Suite } from './harness.js';
import { actionsSuite } from './actions.bench.js';
import { foundationSuite } from './foundation.bench.js';
import { houseSuite } from './house.bench.js';
import { intentSuite } from './intent.bench.js';
import { limitsSuite } from './limits.bench.js';
import { lintCliSuite } from './lint-cli.bench.js';
import { lintLongLineSuite } from './lint-long-line.bench.js';
import { lintSuite } from './lint.bench.js';
import { moduleFormatsSuite } from './module-formats.bench.js';
import { packageSuite } from './package.bench.js';
import { playgroundSuite } from './playground.bench.js';
import { qaCliSuite } from './qa-cli.bench.js';
import { qaReportSuite } from './qa-report.bench.js';
import { qaStreamSuite } from './qa-stream.bench.js';
import { signalsSuite } from './signals.bench.js';
import { templatesSuite } from './templates.bench.js';
import { worstCaseSuite } from './worst-case.bench.js';

/** Every benchmark suite `npm run bench` runs, in order. Add yours here. */
export const suites: Suite[] = [
  houseSuite,
  moduleFormatsSuite,
  foundationSuite,
  intentSuite,
  signalsSuite,
  templatesSuite,
  lintSuite,
  lintCliSuite,
  lintLongLineSuite,
  qaCliSuite,
  actionsSuite,
  limitsSuite,
  worstCaseSuite,
  packageSuite,
  playgroundSuite,
  qaReportSuite,
  qaStreamSuite,
];
