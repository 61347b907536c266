/** Every lint rule's RuleTester table, by rule id: the docs generator shows them as examples. */
import { apologizeOnComplaintCases } from './apologize-on-complaint.js';
import { greetFirstCases } from './greet-first.js';
import { noForbiddenPhraseCases } from './no-forbidden-phrase.js';
import { noOffplatformContactCases } from './no-offplatform-contact.js';
import { noOverpromiseCases } from './no-overpromise.js';
import { noPiiLeakCases } from './no-pii-leak.js';
import { offerFurtherHelpCases } from './offer-further-help.js';
import { shippingWordingCases } from './shipping-wording.js';
import { unverifiedShippingClaimCases } from './unverified-shipping-claim.js';
import type { RuleCases } from './types.js';

export type { RuleCases } from './types.js';

export const ruleCases: Readonly<Record<string, RuleCases>> = {
  'no-forbidden-phrase': noForbiddenPhraseCases,
  'shipping-wording': shippingWordingCases,
  'unverified-shipping-claim': unverifiedShippingClaimCases,
  'no-overpromise': noOverpromiseCases,
  'no-pii-leak': noPiiLeakCases,
  'no-offplatform-contact': noOffplatformContactCases,
  'greet-first': greetFirstCases,
  'apologize-on-complaint': apologizeOnComplaintCases,
  'offer-further-help': offerFurtherHelpCases,
};
