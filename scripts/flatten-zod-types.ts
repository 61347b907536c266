/**
 * Build step after tsup's declaration bundle: zod is bundled into dist and is not a dependency,
 * so the published declarations must not import it. Public types written as
 * `z.infer<typeof schema>` / `z.input<…>` are replaced by the object types TypeScript computes
 * for them, and the zod schema declarations they referred to are dropped. Anything exported that
 * still needs zod fails the build.
 *
 *   tsx scripts/flatten-zod-types.ts [dist]
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';

const dist = process.argv[2] ?? 'dist';

function declarationFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...declarationFiles(path));
    else if (/\.d\.c?ts$/.test(name)) files.push(path);
  }
  return files;
}

/** The name `z` bound by `import * as z from 'zod/mini'` appears in this node's text. */
function mentionsZod(node: ts.Node, source: ts.SourceFile): boolean {
  return /\bz\./.test(node.getText(source));
}

const files = declarationFiles(dist);
const program = ts.createProgram(files, {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  noEmit: true,
});
const checker = program.getTypeChecker();
const flags =
  ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.InTypeAlias |
  ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType |
  ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

const problems: string[] = [];
let flattened = 0;
for (const file of files) {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is not in the program`);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (from === 'zod' || from.startsWith('zod/'))
        edits.push({ start: statement.getFullStart(), end: statement.end, text: '' });
      continue;
    }
    if (ts.isTypeAliasDeclaration(statement) && mentionsZod(statement.type, source)) {
      const type = checker.getTypeAtLocation(statement.name);
      const text = checker.typeToString(type, statement, flags);
      if (/\bz\.|zod|\$strip|\$strict|\$partial/.test(text))
        problems.push(`${file}: type ${statement.name.text} still refers to zod: ${text.slice(0, 200)}`);
      edits.push({ start: statement.type.getStart(source), end: statement.type.end, text });
      flattened++;
      continue;
    }
    if (ts.isVariableStatement(statement) && mentionsZod(statement, source)) {
      const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      const names = statement.declarationList.declarations.map((d) => d.name.getText(source));
      if (exported) problems.push(`${file}: exported ${names.join(', ')} has a zod type`);
      edits.push({ start: statement.getFullStart(), end: statement.end, text: '' });
      continue;
    }
    if (mentionsZod(statement, source))
      problems.push(`${file}: a declaration still refers to zod: ${statement.getText(source).slice(0, 200)}`);
  }
  if (edits.length === 0) continue;
  let text = source.getFullText();
  for (const edit of edits.sort((a, b) => b.start - a.start))
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  // The computed types come out on one line: lay them out for people reading the declarations.
  writeFileSync(
    file,
    await prettier.format(text, { parser: 'typescript', printWidth: 110, singleQuote: true }),
  );
}

// Schema declarations dropped above may still be named in an export list: a public schema must
// be a JSON Schema (huashu/schemas), never a zod object.
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  if (/from 'zod[/']|from "zod[/"]|\bz\.Zod/.test(text)) problems.push(`${file}: still mentions zod`);
}
if (problems.length > 0) {
  console.error(`flatten-zod-types: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.error(`flatten-zod-types: ${flattened} type(s) flattened in ${files.length} declaration files`);
