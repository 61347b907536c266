// `hbs.AST` is the global namespace of handlebars' own type declarations.
import { KNOWN_HELPERS } from './environment.js';

/** Helpers that write something sensible when their value is missing: 亲 / customer. */
const ABSENCE_SAFE_HELPERS = new Set(['honorific']);
/** Blocks that change the context: paths inside them are relative to an item, not to the variables. */
const CONTEXT_BLOCKS = new Set(['each', 'with']);

function at(node: hbs.AST.Node): string {
  return `line ${node.loc.start.line}, column ${node.loc.start.column + 1}`;
}

/** The variable path a path expression reads (`@root.order.id` is `order.id`), or undefined. */
function variableOf(path: hbs.AST.PathExpression): string | undefined {
  if (path.depth > 0) return undefined;
  if (path.data) return path.parts[0] === 'root' && path.parts.length > 1 ? path.parts.slice(1).join('.') : undefined;
  return path.parts.length > 0 ? path.parts.join('.') : undefined;
}

/**
 * Where a template reads an optional variable outside an `{{#if it}}` (or the `{{else}}` of an
 * `{{#unless it}}`): left out, the variable is null and the reply has a gap there ("预计前从仓库
 * 发出"). The honorific helper is exempt (it says 亲 / customer), and so is the condition of an
 * `if` / `unless` itself. Paths inside `each` / `with` are relative to an item and not checked.
 * Returns one message per read; the syntax tree is the one `analyzeSource` parsed (its nesting is
 * bounded by MAX_TEMPLATE_NESTING, so the recursion is too).
 */
export function unguardedOptionalReads(program: hbs.AST.Program, optional: ReadonlySet<string>): string[] {
  const problems: string[] = [];

  function read(node: hbs.AST.Expression, guarded: ReadonlySet<string>): void {
    if (node.type === 'SubExpression') {
      call(node as hbs.AST.SubExpression, guarded);
      return;
    }
    if (node.type !== 'PathExpression') return;
    const path = node as hbs.AST.PathExpression;
    const variable = variableOf(path);
    if (variable === undefined || !optional.has(variable) || guarded.has(variable)) return;
    problems.push(
      `optional variable "${variable}" is read at ${at(path)} outside {{#if ${variable}}}: left out, it leaves a gap in the reply. ` +
        `Write {{#if ${variable}}}…{{else}}wording without it{{/if}}, or make the variable required`,
    );
  }

  function call(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression, guarded: ReadonlySet<string>): void {
    const name = node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : '';
    if (ABSENCE_SAFE_HELPERS.has(name)) return;
    for (const param of node.params) read(param, guarded);
    for (const pair of node.hash?.pairs ?? []) read(pair.value, guarded);
  }

  function walk(body: readonly hbs.AST.Statement[], guarded: ReadonlySet<string>): void {
    for (const statement of body) {
      if (statement.type === 'MustacheStatement') {
        const mustache = statement as hbs.AST.MustacheStatement;
        const name = mustache.path.type === 'PathExpression' ? (mustache.path as hbs.AST.PathExpression).original : '';
        const isCall = mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0 || KNOWN_HELPERS.has(name);
        if (isCall) call(mustache, guarded);
        else read(mustache.path as hbs.AST.PathExpression, guarded);
      } else if (statement.type === 'BlockStatement') {
        const block = statement as hbs.AST.BlockStatement;
        const name = block.path.type === 'PathExpression' ? (block.path as hbs.AST.PathExpression).original : '';
        const [condition] = block.params;
        const tested =
          condition?.type === 'PathExpression' ? variableOf(condition as hbs.AST.PathExpression) : undefined;
        const with_ = (extra: string | undefined) =>
          extra === undefined || guarded.has(extra) ? guarded : new Set([...guarded, extra]);
        if (name === 'if' || name === 'unless') {
          if (condition?.type === 'SubExpression') read(condition, guarded);
          if (block.program) walk(block.program.body, name === 'if' ? with_(tested) : guarded);
          if (block.inverse) walk(block.inverse.body, name === 'unless' ? with_(tested) : guarded);
        } else if (CONTEXT_BLOCKS.has(name)) {
          // `{{#each list}}…{{else}}…{{/each}}` handles a missing list itself.
          if (block.inverse === undefined) for (const param of block.params) read(param, guarded);
          if (block.inverse) walk(block.inverse.body, guarded);
        }
      }
    }
  }

  walk(program.body, new Set());
  return problems;
}
