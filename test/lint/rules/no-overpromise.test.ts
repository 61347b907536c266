import { ruleTester } from './rule-tester.js';
import { noOverpromiseCases } from '../cases/no-overpromise.js';

ruleTester('no-overpromise', noOverpromiseCases);
