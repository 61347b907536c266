import { UsageError } from './usage-error.js';

/**
 * The `--format json|pretty` choice of the commands that print one result: the flag when given,
 * else pretty on a terminal and JSON when piped.
 */
export function jsonOrPretty(flag: string | undefined, onTerminal: boolean): 'json' | 'pretty' {
  const format = flag ?? (onTerminal ? 'pretty' : 'json');
  if (format !== 'json' && format !== 'pretty')
    throw new UsageError(`--format must be json or pretty, not "${format}"`);
  return format;
}
