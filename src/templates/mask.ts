/**
 * Mask personal data before it goes into a reply: phones keep their first three and last four
 * digits (13812345678 → 138****5678), shorter numbers their last four, e-mail addresses their
 * first character and domain, addresses everything but their numbers (文三路88号 → 文三路**号).
 * Separators and a leading + are dropped from numbers.
 */
export function mask(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value).trim();
  if (text === '') return '';
  const at = text.indexOf('@');
  if (at > 0) return `${text[0]}***${text.slice(at)}`;
  // Words and numbers together: an address. Keep the area and street, hide the house numbers.
  if (/\p{L}/u.test(text) && /\d/.test(text)) return text.replace(/\d+/g, '**');
  let digits = text.replace(/\D/g, '');
  // +86 138 1234 5678: the country code is not part of the number.
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  if (digits.length >= 7) {
    const head = digits.length >= 11 ? digits.slice(0, 3) : '';
    const tail = digits.slice(-4);
    return `${head}${'*'.repeat(Math.max(4, digits.length - head.length - tail.length))}${tail}`;
  }
  if (digits.length > 0) return `${'*'.repeat(Math.max(2, digits.length - 2))}${digits.slice(-2)}`;
  // Not a number: keep the first character only.
  const chars = [...text];
  return `${chars[0]}${'*'.repeat(Math.max(2, chars.length - 1))}`;
}
