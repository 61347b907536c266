import { ruleTester } from './rule-tester.js';
import { shippingWordingCases } from '../cases/shipping-wording.js';

ruleTester('shipping-wording', shippingWordingCases);
