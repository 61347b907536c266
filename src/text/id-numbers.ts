/**
 * Mainland resident ID numbers (GB 11643): region, birth date, sequence and an ISO 7064 MOD 11-2
 * check character. One reading for the linter's personal-data finder (src/lint/pii.ts) and the
 * entity reader (an ID number is not an order number; src/entities/identifiers.ts).
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10x98765432';
/** The parts of an ID number's shape: region (not 0…), a 19xx/20xx birth date, sequence and check. */
export const ID_REGION = '[1-9]\\d{5}';
export const ID_BIRTH_DATE = '(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
export const ID_SEQUENCE_AND_CHECK = '\\d{3}[\\dxX]';
/** The shape of one written whole. */
const WHOLE_ID = new RegExp(`^${ID_REGION}${ID_BIRTH_DATE}${ID_SEQUENCE_AND_CHECK}$`);

/** Whether the check character of an ID number (spaces and dashes allowed) is right. */
export function validIdCard(written: string): boolean {
  const value = written.replace(/[ -]/g, '');
  if (value.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (value.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === value[17]!.toLowerCase();
}

/** Whether `token` (one run of digits, maybe ending in x) is a mainland ID number: its shape and its check. */
export function isMainlandIdNumber(token: string): boolean {
  return token.length === 18 && WHOLE_ID.test(token) && validIdCard(token);
}
