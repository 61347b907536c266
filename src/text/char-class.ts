/**
 * Character classes by UTF-16 code unit, without a Unicode-property regex per call. Most readers
 * read folded text (src/normalize: NFKC, lower case, full-width forms made ASCII); every reader
 * asks these, so each class has one definition.
 */

/** An ASCII digit 0–9. */
export function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** An ASCII lower-case letter a–z (folded text has no upper case). */
export function isAsciiLetterCode(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/**
 * A Han character of the Basic Multilingual Plane: the CJK Unified Ideographs with Extension A,
 * and the compatibility ideographs (which NFKC already maps to unified ones in folded text).
 */
export function isHanCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}
