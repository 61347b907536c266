// handlebars' full build (parser and compiler); src/templates/environment.ts runs the result on
// the runtime alone. This module is what `templateCompiler` brings into a bundle.
import Handlebars from 'handlebars/dist/cjs/handlebars.js';
import type { PackCompiler, TemplateCompiler } from './compiler-option.js';
import { registerTemplateHelpers, type TemplateEnvironment } from './environment.js';
import { validateTemplates } from './validate.js';

/** The parts of handlebars' compiler that its type declarations do not list. */
interface CompilerInternals {
  parse(input: unknown, options?: object): unknown;
  Compiler: new () => { compile(ast: unknown, options: object): unknown };
  JavaScriptCompiler: new () => {
    compile(environment: unknown, options: object, context: undefined, asObject: true): unknown;
  };
}

let isolated: CompilerInternals | undefined;
/** Our own handlebars instance (the global one is never touched), made on first use. */
const handlebars = (): CompilerInternals => (isolated ??= Handlebars.create() as unknown as CompilerInternals);

/** `templateCompiler` with its workings typed, for huashu's own callers (validation, the build, tests). */
export const packCompiler: PackCompiler = {
  kind: 'huashu/template-compiler',
  // The checks of a pack (./validate.ts) come with the compiler: the core needs neither.
  validate: (inputs, options) => validateTemplates(inputs, { ...options, compiler: packCompiler }),
  parse: (source) => handlebars().parse(source),
  // What Handlebars.compile does on first call (handlebars/compiler/compiler.js), returning the
  // spec instead of linking it, so the runtime environment with our helpers links it.
  compile(program, options) {
    const settings = { data: true, ...options };
    const compiler = handlebars();
    const ast = compiler.parse(program, settings);
    const environment = new compiler.Compiler().compile(ast, settings);
    return new compiler.JavaScriptCompiler().compile(environment, settings, undefined, true);
  },
};

/**
 * Validates and compiles template packs: pass it as `createAssistant({ templates,
 * templateCompiler })` or `createTemplateCatalogue(packs, { templateCompiler })`. Not needed for the
 * built-in templates.
 */
export const templateCompiler: TemplateCompiler = packCompiler;

/** A handlebars environment that compiles and precompiles, with our helpers: build scripts and tests. */
export function createCompilingEnvironment(): TemplateEnvironment & Pick<typeof Handlebars, 'compile' | 'precompile' | 'parse'> {
  return registerTemplateHelpers(Handlebars.create());
}
