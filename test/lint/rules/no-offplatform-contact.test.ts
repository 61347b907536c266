import { ruleTester } from './rule-tester.js';
import { noOffplatformContactCases } from '../cases/no-offplatform-contact.js';

ruleTester('no-offplatform-contact', noOffplatformContactCases);
