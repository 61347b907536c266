/** Terminal text helpers shared by the formatters: display width, padding, optional ANSI colour. */

/** Columns a character takes in a terminal: 2 for East Asian wide/full-width, 0 for combining marks. */
function charWidth(code: number): number {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  if (
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0xfe00 && code <= 0xfe0f)
  )
    return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** Width of `text` in terminal columns (ANSI colour codes excluded). */
export function displayWidth(text: string): number {
  let width = 0;
  // eslint-disable-next-line no-control-regex -- strips ANSI colour sequences
  for (const char of text.replace(/\u001b\[[0-9;]*m/g, '')) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

export function padDisplay(text: string, width: number, side: 'start' | 'end'): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return side === 'start' ? pad + text : text + pad;
}

/**
 * What a terminal or a CI log would act on rather than show: C0 controls but tab and line feed (ESC
 * starts every escape sequence, CR rewrites the line), DEL, C1 controls (U+009B is a one-character
 * CSI), and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make
 * text display in another order than it is read.
 */
// eslint-disable-next-line no-control-regex -- this is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the input made safe for a terminal or a CI log: each unsafe character (see UNSAFE)
 * becomes U+FFFD, so an escape sequence in a chat export is shown, inert, instead of recolouring,
 * retitling or rewriting the reader's terminal. The one sanitizer of everything the CLI writes
 * for people: stylish, summary, github annotations and messages on standard error.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, '\ufffd');
}

/** The reply on one line, line breaks shown as ⏎, cut to `max` columns with an ellipsis. */
export function excerpt(text: string, max: number): string {
  let out = '';
  let width = 0;
  for (const char of printable(text.replace(/\r?\n/g, '⏎').replace(/[\t\v\f\r]/g, ' '))) {
    const w = charWidth(char.codePointAt(0) ?? 0);
    if (width + w > max - 1) return `${out}…`;
    out += char;
    width += w;
  }
  return out;
}

export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const identity = (text: string) => text;
const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** ANSI colours when `enabled`, plain text otherwise. */
export function paint(enabled: boolean): Paint {
  return enabled
    ? { red: sgr(31, 39), yellow: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24) }
    : { red: identity, yellow: identity, dim: identity, bold: identity, underline: identity };
}
