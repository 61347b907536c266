import { ruleTester } from './rule-tester.js';
import { greetFirstCases } from '../cases/greet-first.js';
import { apologizeOnComplaintCases } from '../cases/apologize-on-complaint.js';
import { offerFurtherHelpCases } from '../cases/offer-further-help.js';

ruleTester('greet-first', greetFirstCases);

ruleTester('apologize-on-complaint', apologizeOnComplaintCases);

ruleTester('offer-further-help', offerFurtherHelpCases);
