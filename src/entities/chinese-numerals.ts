const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of a Chinese numeral up to the millions (三 3, 十五 15, 一百二十 120, 两千五 2500,
 * 三万 30000), or undefined when `text` is not one. The colloquial tail (两千五 = 2500, 三百五 =
 * 350) scales the last digit by one unit below the last unit written.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text === '' || text.length > 12) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  // After 零 the tail is plain units: 一百零五 is 105, not 150.
  let zeroSeen = false;
  for (const char of text) {
    const d = DIGITS[char];
    if (d !== undefined) {
      if (d === 0) {
        zeroSeen = true;
        continue;
      }
      if (digit !== undefined) return undefined; // 二五 is not a numeral we read
      digit = d;
      continue;
    }
    const unit = char === '万' ? 10000 : UNITS[char];
    if (unit === undefined) return undefined;
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
    } else {
      section += (digit ?? 1) * unit;
    }
    digit = undefined;
    lastUnit = unit;
    zeroSeen = false;
  }
  if (digit !== undefined) section += lastUnit >= 10 && !zeroSeen ? digit * (lastUnit / 10) : digit;
  return total + section;
}
