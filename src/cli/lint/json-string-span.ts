/**
 * Where the string value of a top-level key of a one-line JSON object is written: `[start, end)`
 * of the characters between its quotes. Used only for replies with findings, to point at the
 * exact column of the JSONL line. Like JSON.parse, the last of duplicate keys wins. Returns
 * undefined when the key is absent or its value is not a string.
 */
export function jsonStringValueSpan(line: string, key: string): [start: number, end: number] | undefined {
  let depth = 0;
  let expectKey = false;
  let currentKey: string | undefined;
  let found: [number, number] | undefined;
  let i = 0;
  while (i < line.length) {
    const char = line[i];
    if (char === '"') {
      const end = stringEnd(line, i);
      if (end === -1) return found;
      if (depth === 1 && expectKey) {
        currentKey = decode(line.slice(i, end + 1));
        expectKey = false;
      } else if (depth === 1 && currentKey === key) {
        found = [i + 1, end];
      }
      i = end + 1;
      continue;
    }
    if (char === '{' || char === '[') {
      if (depth === 1 && currentKey === key) found = undefined;
      depth += 1;
      if (depth === 1) expectKey = char === '{';
    } else if (char === '}' || char === ']') {
      depth -= 1;
    } else if (char === ',' && depth === 1) {
      expectKey = true;
      currentKey = undefined;
    } else if (depth === 1 && currentKey === key && char !== ':' && char !== ' ' && char !== '\t') {
      found = undefined; // a number, true, false or null
    }
    i += 1;
  }
  return found;
}

/** Index of the quote closing the string that opens at `start`, or -1. */
function stringEnd(line: string, start: number): number {
  for (let i = start + 1; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') i += 1;
    else if (char === '"') return i;
  }
  return -1;
}

function decode(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}
