/**
 * How deeply a handlebars source nests, found by one linear scan of its mustaches, before the
 * parser sees it: blocks (`{{#if}}`, `{{^if}}`, `{{#each}}`, …) and each chained
 * `{{else if …}}` (handlebars nests it inside the block before it) add a level until their
 * `{{/…}}`, and sub-expressions `( … )` add one inside a mustache. The scan errs on the side of
 * counting more (escaped `\{{` and raw blocks are counted as mustaches), never fewer, so a
 * source it passes cannot nest deeper in handlebars' syntax tree.
 */
export interface Nesting {
  /** The deepest nesting met, stopping early once it passes the limit. */
  depth: number;
  /** The 1-based line where `depth` was reached. */
  line: number;
}

export function templateNesting(source: string, limit = Number.POSITIVE_INFINITY): Nesting {
  // Open blocks, each with the levels it adds: 1, plus 1 per chained `{{else x}}` in it.
  const blocks: number[] = [];
  let depth = 0;
  let deepest = 0;
  let deepestAt = 0;
  let at = 0;
  const reach = (level: number, position: number) => {
    if (level > deepest) {
      deepest = level;
      deepestAt = position;
    }
  };

  while (deepest <= limit) {
    const open = source.indexOf('{{', at);
    if (open === -1) break;
    let i = open + 2;
    while (source[i] === '{') i++; // {{{ unescaped }}} and {{{{raw blocks}}}}
    const rawBlock = i - open >= 4;
    if (source[i] === '~') i++;
    if (source.startsWith('!--', i)) {
      const end = source.indexOf('--', i + 3);
      const close = end === -1 ? -1 : source.indexOf('}}', end);
      if (close === -1) break; // an unclosed comment: the parser reports it
      at = close + 2;
      continue;
    }
    const close = source.indexOf('}}', i);
    const end = close === -1 ? source.length : close;
    const sigil = source[i];
    const body = source.slice(sigil === '#' || sigil === '^' || sigil === '/' ? i + 1 : i, end).replace(/~$/, '').trim();
    if (rawBlock) {
      if (sigil === '/') depth -= blocks.pop() ?? 0;
      else {
        blocks.push(1);
        depth++;
      }
    } else if (sigil === '#' || (sigil === '^' && body !== '')) {
      blocks.push(1);
      depth++;
    } else if (sigil === '/') {
      depth -= blocks.pop() ?? 0;
    } else if (/^else\s+\S/.test(body) && blocks.length > 0) {
      blocks[blocks.length - 1]! += 1;
      depth++;
    }
    reach(depth, open);
    // Sub-expressions inside this mustache, outside string literals (a `{{! comment }}` has none).
    let parens = 0;
    let quote = '';
    for (let j = sigil === '!' ? end : i; j < end; j++) {
      const char = source[j];
      if (quote !== '') {
        if (char === quote) quote = '';
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (char === '(') {
        reach(depth + ++parens, open);
      } else if (char === ')' && parens > 0) {
        parens--;
      }
    }
    if (close === -1) break;
    at = close + 2;
  }
  let line = 1;
  for (let j = source.indexOf('\n'); j !== -1 && j < deepestAt; j = source.indexOf('\n', j + 1)) line++;
  return { depth: deepest, line };
}
