import type { Rule } from '../rule.js';
import { apologizeOnComplaint } from './apologize-on-complaint.js';
import { greetFirst } from './greet-first.js';
import { noForbiddenPhrase } from './no-forbidden-phrase.js';
import { noOffplatformContact } from './no-offplatform-contact.js';
import { noOverpromise } from './no-overpromise.js';
import { noPiiLeak } from './no-pii-leak.js';
import { shippingWording } from './shipping-wording.js';
import { unverifiedShippingClaim } from './unverified-shipping-claim.js';
import { offerFurtherHelp } from './offer-further-help.js';

/** The built-in rules, in run order. */
export const BUILT_IN_RULES: readonly Rule[] = [
  noForbiddenPhrase,
  shippingWording,
  unverifiedShippingClaim,
  noOverpromise,
  noPiiLeak,
  noOffplatformContact,
  greetFirst,
  apologizeOnComplaint,
  offerFurtherHelp,
];
