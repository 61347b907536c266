// `hbs.AST` is the global namespace of handlebars' own type declarations.
import { MAX_TEMPLATE_NESTING, MAX_TEMPLATE_SOURCE_LENGTH } from '../limits.js';
import { INHERITED_KEYS } from '../util/own.js';
import type { PackCompiler } from './compiler-option.js';
import { BLOCK_HELPERS, KNOWN_HELPERS } from './environment.js';
import { templateNesting } from './nesting.js';

/** The `@data` names a template may read outside `each` blocks (see RenderData). */
const DATA_NAMES = new Set(['locale', 'channel', 'timeZone', 'root']);
/** Blocks that change the context: paths inside them are relative to an item, not to the variables. */
const CONTEXT_BLOCKS = new Set(['each', 'with']);

export interface SourceAnalysis {
  /** Variable paths the template reads, e.g. `customer`, `order.trackingNumber`. */
  references: Set<string>;
  /** What is wrong with the source, with its line and column. */
  problems: string[];
  /** The syntax tree, when the source parses: compiling it saves a second parse. */
  program?: hbs.AST.Program;
}

function at(node: hbs.AST.Node): string {
  return `line ${node.loc.start.line}, column ${node.loc.start.column + 1}`;
}

/**
 * Read a template's syntax tree: which variables it uses, and anything the catalogue forbids
 * (partials, decorators, unknown helpers, unknown `@data`, `../` outside a block, `{{this}}` and
 * names that can never hold a value). Never throws: a syntax error is reported as a problem.
 * `label` names the template and locale in the problems about those constructs.
 *
 * The size and nesting limits are checked first, by a linear scan: handlebars' parser and
 * compiler recurse and slow down sharply with nesting (10,000 nested `{{#if}}` take minutes to
 * fail with a stack overflow), so a source over a limit never reaches them.
 */
export function analyzeSource(source: string, compiler: Pick<PackCompiler, 'parse'>, label = 'the template'): SourceAnalysis {
  const references = new Set<string>();
  const problems: string[] = [];
  if (source.length > MAX_TEMPLATE_SOURCE_LENGTH) {
    problems.push(
      `${label} is ${source.length} characters; a template source is at most ${MAX_TEMPLATE_SOURCE_LENGTH} (MAX_TEMPLATE_SOURCE_LENGTH): split it into several templates`,
    );
    return { references, problems };
  }
  const nesting = templateNesting(source, MAX_TEMPLATE_NESTING);
  if (nesting.depth > MAX_TEMPLATE_NESTING) {
    problems.push(
      `${label} nests blocks and sub-expressions deeper than ${MAX_TEMPLATE_NESTING} levels (MAX_TEMPLATE_NESTING) at line ${nesting.line}: flatten the {{#if}} / {{else if}} chain or split the template`,
    );
    return { references, problems };
  }
  let program: hbs.AST.Program;
  try {
    program = compiler.parse(source) as hbs.AST.Program;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { references, problems: [`syntax error: ${message.replace(/\s+/g, ' ').trim()}`] };
  }

  /** Names that can never render, wherever they are: inherited names and empty parts. */
  function neverHolds(path: hbs.AST.PathExpression): boolean {
    const inherited = path.parts.find((part) => INHERITED_KEYS.has(part));
    if (inherited !== undefined) {
      problems.push(
        `${label}: "${path.original}" at ${at(path)} names "${inherited}", which every object inherits: it never holds a variable's value (rename the variable)`,
      );
      return true;
    }
    if (path.parts.some((part) => part === '')) {
      problems.push(`${label}: "${path.original}" at ${at(path)} has an empty part: write the variable's name, e.g. "order.id"`);
      return true;
    }
    return false;
  }

  function readPath(path: hbs.AST.PathExpression, insideContextBlock: boolean): void {
    if (neverHolds(path)) return;
    // Outside each/with, `this`, `.` and `@root` are the whole variables object: "[object Object]".
    if (!insideContextBlock && path.depth === 0 && (path.data ? path.parts.length === 1 && path.parts[0] === 'root' : path.parts.length === 0)) {
      problems.push(
        `${label}: "{{${path.original}}}" at ${at(path)} is the whole variables object, which renders as "[object Object]": name the variable, e.g. {{customer.name}}`,
      );
      return;
    }
    if (path.data) {
      const [head, ...rest] = path.parts;
      if (head === 'root') {
        if (rest.length > 0) references.add(rest.join('.'));
      } else if (!insideContextBlock && !DATA_NAMES.has(head ?? '')) {
        problems.push(`unknown data variable @${path.parts.join('.')} at ${at(path)}`);
      }
      return;
    }
    if (insideContextBlock) return;
    if (path.depth > 0) {
      problems.push(`"${path.original}" at ${at(path)}: "../" only makes sense inside a block`);
      return;
    }
    if (path.parts.length > 0) references.add(path.parts.join('.'));
  }

  function readExpression(node: hbs.AST.Expression, inside: boolean): void {
    switch (node.type) {
      case 'PathExpression':
        readPath(node as hbs.AST.PathExpression, inside);
        break;
      case 'SubExpression':
        readCall(node as hbs.AST.SubExpression, inside, true);
        break;
      default:
        break; // literals
    }
  }

  function readCall(
    node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression,
    inside: boolean,
    isCall: boolean,
  ): void {
    const path = node.path as hbs.AST.PathExpression | hbs.AST.Literal;
    if (path.type === 'PathExpression') {
      const name = (path as hbs.AST.PathExpression).original;
      if (isCall) {
        if (!KNOWN_HELPERS.has(name)) {
          problems.push(
            `unknown helper "${name}" at ${at(node)}; helpers: ${[...KNOWN_HELPERS].join(', ')}`,
          );
        }
      } else {
        readPath(path as hbs.AST.PathExpression, inside);
      }
    }
    for (const param of node.params) readExpression(param, inside);
    for (const pair of node.hash?.pairs ?? []) readExpression(pair.value, inside);
  }

  function readProgram(body: hbs.AST.Statement[], inside: boolean): void {
    for (const statement of body) {
      switch (statement.type) {
        case 'MustacheStatement': {
          const mustache = statement as hbs.AST.MustacheStatement;
          const name =
            mustache.path.type === 'PathExpression' ? (mustache.path as hbs.AST.PathExpression).original : '';
          const isCall =
            mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0 || KNOWN_HELPERS.has(name);
          readCall(mustache, inside, isCall);
          break;
        }
        case 'BlockStatement': {
          const block = statement as hbs.AST.BlockStatement;
          readCall(block, inside, true);
          const name = block.path.type === 'PathExpression' ? (block.path as hbs.AST.PathExpression).original : '';
          const changesContext = CONTEXT_BLOCKS.has(name);
          if (block.program) readProgram(block.program.body, inside || changesContext);
          // `{{else}}` of each/with runs in the outer context.
          if (block.inverse) readProgram(block.inverse.body, inside);
          if (!(BLOCK_HELPERS as readonly string[]).includes(name) && KNOWN_HELPERS.has(name)) {
            problems.push(`"${name}" at ${at(block)} is not a block helper`);
          }
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement':
          problems.push(`partials are not supported (at ${at(statement)}); write the text in the template`);
          break;
        case 'DecoratorBlock':
        case 'Decorator':
          problems.push(`decorators are not supported (at ${at(statement)})`);
          break;
        default:
          break; // content and comments
      }
    }
  }

  readProgram(program.body, false);
  return { references, problems, program };
}
