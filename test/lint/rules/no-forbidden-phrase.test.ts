import { ruleTester } from './rule-tester.js';
import { noForbiddenPhraseCases } from '../cases/no-forbidden-phrase.js';

ruleTester('no-forbidden-phrase', noForbiddenPhraseCases);
