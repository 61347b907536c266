/**
 * Phone numbers no-pii-leak was not written from: libphonenumber-js's own example mobile number
 * of each market huashu serves, in each way people write one (E.164, the international and
 * national formats, the country code without its plus: in brackets, before a dash, after 00),
 * inside a frame that says it is the customer's (must be found) and one that says it is the shop's
 * line (must stay clean), in three locales. Used by test/lint/rules/no-pii-leak.phone-writings.test.ts
 * and scripts/lint-lab/phone-formats.ts.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import type { SupportedLocale } from '../../src/index.js';

export const PHONE_REGIONS: readonly CountryCode[] = [
  'CN',
  'TW',
  'HK',
  'MO',
  'SG',
  'MY',
  'US',
  'CA',
  'GB',
  'AU',
  'NZ',
];

const CUSTOMERS: Record<SupportedLocale, (n: string) => string> = {
  'zh-Hans': (n) => `您的手机号是 ${n}，请保持畅通`,
  'zh-Hant': (n) => `您的聯絡電話 ${n} 已經更新`,
  en: (n) => `Your phone number is ${n}, we will call you.`,
};
const SHOPS: Record<SupportedLocale, (n: string) => string> = {
  'zh-Hans': (n) => `我们的客服热线是 ${n}，随时来电`,
  'zh-Hant': (n) => `本店客服專線 ${n}，歡迎來電`,
  en: (n) => `Our support line is ${n}, open 9 to 5.`,
};

export interface PhoneWriting {
  region: CountryCode;
  form: string;
  locale: SupportedLocale;
  written: string;
  /** The number introduced as the customer's. */
  customer: string;
  /** The number introduced as the shop's line. */
  shop: string;
}

/** The ways one region's example number is written. */
function writingsOf(region: CountryCode): Record<string, string> {
  const number = parsePhoneNumberFromString((examples as Record<string, string>)[region]!, region)!;
  const code = number.countryCallingCode;
  const international = number.formatInternational(); // +852 9123 4567
  const national = number.formatNational();
  const rest = international.slice(code.length + 2);
  return {
    e164: number.format('E.164'),
    international,
    'international, dashes': `+${code}-${rest.replace(/ /g, '-')}`,
    national,
    'national, dashes': national.replace(/[ ()]+/g, '-').replace(/^-|-$/g, ''),
    'code in brackets': `(${code}) ${rest}`,
    'code, dash': `${code}-${rest.replace(/ /g, '-')}`,
    'code after 00': `00${code} ${rest}`,
  };
}

export function phoneWritings(): PhoneWriting[] {
  const rows: PhoneWriting[] = [];
  for (const region of PHONE_REGIONS)
    for (const [form, written] of Object.entries(writingsOf(region)))
      for (const locale of Object.keys(CUSTOMERS) as SupportedLocale[])
        rows.push({
          region,
          form,
          locale,
          written,
          customer: CUSTOMERS[locale](written),
          shop: SHOPS[locale](written),
        });
  return rows;
}
