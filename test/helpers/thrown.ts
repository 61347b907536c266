import { HuashuError } from '../../src/errors.js';

/** The HuashuError `fn` throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): HuashuError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HuashuError) return error;
    throw error;
  }
  throw new Error('expected a HuashuError');
}
