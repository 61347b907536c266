/** File signatures of the non-text files people give instead of an export, and what to do. */
const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; what: string; fix: string }> = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive (an .xlsx/.docx workbook or a .zip)',
    fix: 'open it and save or export the sheet as CSV (UTF-8), or unzip it first',
  },
  {
    bytes: [0x50, 0x4b, 0x05, 0x06],
    what: 'an empty ZIP archive',
    fix: 'give the CSV or JSONL export itself',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an old Excel/Office file (.xls)',
    fix: 'open it and save the sheet as CSV (UTF-8)',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF', fix: 'export the chat history as CSV or JSONL' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', fix: 'give the CSV or JSONL export' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', fix: 'give the CSV or JSONL export' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', fix: 'give the CSV or JSONL export' },
  {
    bytes: [0x1f, 0x8b],
    what: 'a gzip archive',
    fix: 'decompress it first (gunzip -c file.gz | huashu … -)',
  },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7z archive', fix: 'extract it first' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive', fix: 'extract it first' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)', fix: 'give the CSV or JSONL export' },
  {
    bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74],
    what: 'an SQLite database',
    fix: 'export the table as CSV (sqlite3 -csv -header db "select …")',
  },
];

/**
 * Whether `sample` has NUL bytes the way binary files have them: a run of two, or at least four
 * making more than 1 % of it. A stray NUL inside a text cell (a broken export) is still text.
 */
function binaryNuls(sample: Uint8Array): boolean {
  let count = 0;
  for (let i = 0; i < sample.length; i++)
    if (sample[i] === 0) {
      if (sample[i + 1] === 0) return true;
      count++;
    }
  return count >= 4 && count * 100 > sample.length;
}

/**
 * Why `sample` (the first bytes of an input) is not a text export, or undefined when it may be:
 * a known file signature, or NUL bytes as binary files have them (see binaryNuls). Call it after
 * UTF-16 was ruled out, whose ASCII characters are half NUL.
 */
export function notTextReason(sample: Uint8Array, mayBeUtf16: boolean): string | undefined {
  for (const signature of SIGNATURES)
    if (signature.bytes.every((byte, i) => sample[i] === byte))
      return `this is ${signature.what}, not a text export: ${signature.fix}`;
  if (!mayBeUtf16 && binaryNuls(sample))
    return 'this is a binary file (it has NUL bytes), not a text export: give a CSV, TSV or JSONL export';
  return undefined;
}
