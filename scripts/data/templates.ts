import { join } from 'node:path';
import ts from 'typescript';
import { readTemplateFiles } from '../../src/node/templates.js';
import { invalidTemplates } from '../../src/templates/invalid.js';
import { COMPILE_OPTIONS } from '../../src/templates/environment.js';
import { createCompilingEnvironment, packCompiler } from '../../src/templates/compiler.js';
import { templateInputsFromFiles } from '../../src/templates/files.js';
import { validateTemplates } from '../../src/templates/validate.js';
import { jsonExpression, UNPACK_IMPORT } from './packed-json.js';
import type { DataGenerator } from './types.js';

/**
 * handlebars' precompiler writes, in every function of every template, a fallback for runtimes
 * older than 4.6 that lack `container.lookupProperty`; the bundled runtime always has it.
 */
const LOOKUP_FALLBACK = `lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    }`;
/**
 * The source position of each helper call, in the helper's options: read by no built-in helper
 * and by no helper of ours. (The position passed to `container.strict`, which names a missing
 * variable's place in the error, has no "loc" key and is kept.)
 */
const HELPER_LOC = /,"loc":\{"start":\{"line":\d+,"column":\d+\},"end":\{"line":\d+,"column":\d+\}\}/g;

/** A precompiled spec without what the bundled runtime never reads (about a quarter of its size). */
export function trimPrecompiled(spec: string): string {
  return spec
    .replaceAll(LOOKUP_FALLBACK, 'lookupProperty = container.lookupProperty')
    .replace(HELPER_LOC, '');
}

/** A double-quoted string literal as handlebars' precompiler writes them. */
const STRING_LITERAL = /"(?:[^"\\\n]|\\.)*"/g;

/**
 * The precompiled code with its text literals moved to a table: each literal with a non-ASCII
 * character (the templates' own wording), not an object key, becomes `T[i]`, and the table is
 * packed with the definitions' JSON. Bundlers write each Chinese character of a literal as
 * `\uXXXX`; packed, the wording costs a fraction of that.
 */
export function tableTextLiterals(code: string): { code: string; table: string[] } {
  const table: string[] = [];
  const index = new Map<string, number>();
  const replaced = code.replace(STRING_LITERAL, (literal, offset: number) => {
    if (!/[^ -~]/.test(literal)) return literal; // only literals with a non-ASCII character
    if (/^\s*:/.test(code.slice(offset + literal.length, offset + literal.length + 8))) return literal;
    const text = JSON.parse(literal) as string;
    let at = index.get(text);
    if (at === undefined) index.set(text, (at = table.push(text) - 1));
    return `T[${at}]`;
  });
  return { code: replaced, table };
}

/** A stretch of a spec's code found by parsing it. */
interface Span {
  start: number;
  end: number;
  /** As written in the code, e.g. `"Dear "`, `74` or `function(container, …) {…}`. */
  text: string;
}

/**
 * Parents under which a literal is an ordinary expression operand, so a variable holding the same
 * value may stand in for it. Anywhere else (an object key, a directive such as "use strict", a
 * kind of node the precompiler has never written) the literal stays part of the code.
 */
const OPERAND_PARENTS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.ArrayLiteralExpression,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.ConditionalExpression,
  ts.SyntaxKind.ReturnStatement,
  ts.SyntaxKind.ElementAccessExpression,
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.VariableDeclaration,
]);

function isOperand(literal: ts.Node): boolean {
  const parent = literal.parent;
  if (!OPERAND_PARENTS.has(parent.kind)) return false;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === literal;
  if (ts.isCallExpression(parent)) return parent.arguments.some((argument) => argument === literal);
  if (ts.isElementAccessExpression(parent)) return parent.argumentExpression === literal;
  if (ts.isVariableDeclaration(parent)) return parent.initializer === literal;
  return true;
}

/** A JavaScript expression (a precompiled spec, or one of its functions) as its parts. */
export interface ParsedCode {
  code: string;
  /** The string and number literals that are values (see OPERAND_PARENTS), in order. */
  literals: Span[];
  /** The code around the literals: `literals.length + 1` pieces, the expression's shape. */
  pieces: string[];
  /** When the expression is an object: the functions that are its properties' values, in order. */
  functions: Span[];
  /** Every identifier in it, so factory names can be checked not to clash. */
  identifiers: Set<string>;
}

/** Parsed with TypeScript's parser, not scanned with a regex, so a literal is never taken for code. */
export function parseCode(code: string): ParsedCode {
  const file = ts.createSourceFile('spec.js', `(${code})`, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  // TypeScript keeps a file's syntax errors here (not in its public API, hence the check).
  const syntaxErrors = (file as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (syntaxErrors === undefined)
    throw new Error('this TypeScript no longer lists a file’s syntax errors as parseDiagnostics');
  if (syntaxErrors.length > 0) {
    throw new Error(
      `not an expression: ${ts.flattenDiagnosticMessageText(syntaxErrors[0]!.messageText, ' ')}\n${code}`,
    );
  }
  // Offsets in `code`: the parse saw it after "(".
  const span = (node: ts.Node): Span => {
    const start = node.getStart(file) - 1;
    return { start, end: node.end - 1, text: code.slice(start, node.end - 1) };
  };
  const literals: Span[] = [];
  const identifiers = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) identifiers.add(node.text);
    else if ((ts.isStringLiteral(node) || ts.isNumericLiteral(node)) && isOperand(node))
      literals.push(span(node));
    ts.forEachChild(node, visit);
  };
  visit(file);

  const statement = file.statements[0];
  const root =
    statement !== undefined &&
    ts.isExpressionStatement(statement) &&
    ts.isParenthesizedExpression(statement.expression)
      ? statement.expression.expression
      : undefined;
  const functions =
    root !== undefined && ts.isObjectLiteralExpression(root)
      ? root.properties.flatMap((property) =>
          ts.isPropertyAssignment(property) && ts.isFunctionExpression(property.initializer)
            ? [span(property.initializer)]
            : [],
        )
      : [];
  return { code, literals, pieces: around(code, literals), functions, identifiers };
}

/** The code around `spans` (in order, apart): `spans.length + 1` pieces. */
function around(code: string, spans: readonly Span[]): string[] {
  return [0, ...spans.map((span) => span.end)].map((from, i) => code.slice(from, spans[i]?.start));
}

/** `pieces` with `values` between them, in order. */
function interleave(pieces: readonly string[], values: readonly string[]): string {
  return pieces.map((piece, i) => (i === 0 ? piece : values[i - 1]! + piece)).join('');
}

/**
 * Expressions of the same shape (the same code around their value literals) share one factory,
 * `const <prefix>n = (p0, p1, …) => (code)`, and each becomes a call `<prefix>n(…)` with its own
 * literals. A literal that is the same in every expression of the shape stays in the factory's
 * code; literals that differ the same way in each (a helper's name written twice) share one
 * parameter. A shape met once stays as it is. `used`: further names the factories must not take
 * (those of code the factories will sit next to).
 */
export function shareShapes(
  codes: readonly string[],
  prefix: string,
  used: ReadonlySet<string> = new Set(),
): { factories: string[]; codes: string[] } {
  const parsed = codes.map(parseCode);
  const identifiers = new Set([...used, ...parsed.flatMap((code) => [...code.identifiers])]);
  const groups = new Map<string, number[]>();
  parsed.forEach((code, i) => {
    const key = JSON.stringify(code.pieces);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [i]);
    else group.push(i);
  });

  const factories: string[] = [];
  const shared = [...codes];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const name = `${prefix}${factories.length}`;
    const [first, ...others] = members.map((member) => parsed[member]!);
    // Each literal: fixed (the same in every member) or the index of the parameter it becomes.
    const parameterOf = new Map<string, number>();
    const parameterLiterals: number[] = [];
    const holes = first!.literals.map((literal, position): { fixed: string } | { parameter: number } => {
      const column = [literal.text, ...others.map((code) => code.literals[position]!.text)];
      if (column.every((text) => text === literal.text)) return { fixed: literal.text };
      const key = JSON.stringify(column);
      let parameter = parameterOf.get(key);
      if (parameter === undefined) {
        parameter = parameterLiterals.push(position) - 1;
        parameterOf.set(key, parameter);
      }
      return { parameter };
    });
    const parameters = parameterLiterals.map((_, i) => `p${i}`);
    for (const taken of [name, ...parameters]) {
      if (identifiers.has(taken))
        throw new Error(`precompiled code uses the name ${taken}, which a factory needs`);
    }
    const codeWith = (values: readonly string[]) =>
      interleave(
        first!.pieces,
        holes.map((hole) => ('fixed' in hole ? hole.fixed : values[hole.parameter]!)),
      );
    factories.push(`const ${name} = (${parameters.join(', ')}) => (${codeWith(parameters)});`);
    for (const member of members) {
      const code = parsed[member]!;
      const args = parameterLiterals.map((position) => code.literals[position]!.text);
      // The factory's code with this member's values for its parameters is the member's code.
      if (codeWith(args) !== code.code) throw new Error(`factory ${name} does not give back ${code.code}`);
      shared[member] = `${name}(${args.join(', ')})`;
    }
  }
  return { factories, codes: shared };
}

/**
 * Precompiled specs written with shared factories, in two steps: first each program function
 * (`main`, `"0"`, `"1"`, …) by its shape, as the same small functions recur across templates;
 * then each spec object, its functions now factory calls, by its shape (zh-Hans and zh-Hant
 * mostly share one). Functions a factory returns are new on every call: handlebars' runtime
 * writes to each spec's functions (`decorator`), so no two specs may share one.
 */
export function shareSpecShapes(specs: readonly string[]): { factories: string[]; specs: string[] } {
  const parsed = specs.map(parseCode);
  // Factories and specs are written in one scope, so no name in a spec may be a factory's.
  const used = new Set(parsed.flatMap((spec) => [...spec.identifiers]));
  if (used.has('T')) throw new Error('precompiled code uses the name T, the text table’s');
  const programs = shareShapes(
    parsed.flatMap((spec) => spec.functions.map((f) => f.text)),
    'F',
    used,
  );
  let next = 0;
  const rewritten = parsed.map((spec) =>
    interleave(
      around(spec.code, spec.functions),
      spec.functions.map(() => programs.codes[next++]!),
    ),
  );
  const objects = shareShapes(rewritten, 'S', used);
  return { factories: [...programs.factories, ...objects.factories], specs: objects.codes };
}

/**
 * templates/ → src/generated/templates.ts: every template's metadata and sources (validated:
 * schema, all three locales, declared variables, helpers, `when` facts, each locale rendered with
 * its examples) plus each source precompiled with the catalogue's compile options, so loading the
 * catalogue neither parses nor generates code. Any problem fails the build, all of them listed.
 */
export const templatesGenerator: DataGenerator = {
  name: 'templates',
  generate(root) {
    const files = readTemplateFiles(join(root, 'templates'));
    const { inputs, issues } = templateInputsFromFiles(files, (path) => `templates/${path}`);
    const { templates, issues: problems } = validateTemplates(inputs, {
      requireAllLocales: true,
      compiler: packCompiler,
    });
    const all = [...issues, ...problems];
    if (all.length > 0) throw invalidTemplates(all);
    if (templates.length === 0) throw new Error('templates/: no templates found');

    const env = createCompilingEnvironment();
    const definitions = templates.map((t) => t.definition).sort((a, b) => a.id.localeCompare(b.id));
    const sources = definitions.flatMap((definition) =>
      Object.entries(definition.sources).map(([locale, source]) => ({ id: definition.id, locale, source })),
    );
    const shared = shareSpecShapes(
      sources.map(({ source }) => trimPrecompiled(String(env.precompile(source, COMPILE_OPTIONS)))),
    );
    const byId = new Map<string, string[]>();
    sources.forEach(({ id, locale }, i) => {
      const entry = `${JSON.stringify(locale)}: ${shared.specs[i]!}`;
      const entries = byId.get(id);
      if (entries === undefined) byId.set(id, [entry]);
      else entries.push(entry);
    });
    const specs = [...byId]
      .map(([id, entries]) => `${JSON.stringify(id)}: {\n${entries.join(',\n')}\n}`)
      .join(',\n');
    const text = tableTextLiterals(`${shared.factories.join('\n')}\n  return (specs = {\n${specs}\n});`);
    const decoded = jsonExpression({ definitions, text: text.table });
    const content =
      '// @ts-nocheck -- precompiled handlebars functions are plain JavaScript.\n' +
      '// Generated by scripts/build-data.ts from templates/ — do not edit.\n' +
      (decoded.packed ? UNPACK_IMPORT : '') +
      "import type { TemplateDefinition } from '../templates/definition.js';\n\n" +
      'let data: { definitions: readonly TemplateDefinition[]; text: readonly string[] } | undefined;\n' +
      'let specs: Readonly<Record<string, Readonly<Record<string, object>>>> | undefined;\n\n' +
      '/** The definitions and the text table of the specs, decoded on first call. */\n' +
      'function decoded(): { definitions: readonly TemplateDefinition[]; text: readonly string[] } {\n' +
      `  return (data ??= ${decoded.expression});\n` +
      '}\n\n' +
      '/** Every built-in template (metadata and sources), decoded on first call and shared (read-only). */\n' +
      'export function builtInTemplateDefinitions(): readonly TemplateDefinition[] {\n' +
      '  return decoded().definitions;\n' +
      '}\n\n' +
      '/**\n' +
      ' * Precompiled template specs, id → locale → spec for `Handlebars.template()`: built on first call\n' +
      " * (handlebars' own precompiler output, so rendering needs no code generation at run time; its\n" +
      ' * text literals are read from the packed table `T`; specs of one shape are built by one factory).\n' +
      ' */\n' +
      'export function builtInTemplateSpecs(): Readonly<Record<string, Readonly<Record<string, object>>>> {\n' +
      '  if (specs !== undefined) return specs;\n' +
      '  const T = decoded().text;\n' +
      `${text.code}\n` +
      '}\n';
    return [{ name: 'templates.ts', content }];
  },
};
