import type { CliIo } from './io.js';

export interface Command {
  name: string;
  /** One line for `huashu --help`. */
  summary: string;
  /** The full usage text for `huashu <command> --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
