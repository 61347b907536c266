import type { InputParser } from './record.js';

/**
 * Plain text: every line holding something other than white space is one reply, as written
 * (blank lines separate nothing and are skipped; line numbers stay those of the file).
 */
export function createPlainParser(): InputParser {
  return {
    push(line, emit) {
      if (line.text.trim() === '') return;
      const { text, offset } = line;
      emit({
        kind: 'reply',
        record: {
          reply: text,
          line: line.line,
          origin: { line: line.line, column: 1, offset },
        },
      });
    },
    finish() {},
  };
}
