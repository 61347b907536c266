import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createAssistant, normalize, templateCompiler, type HuashuIssue } from './api.js';
import {
  createNaturalClassifier,
  findConfigFile,
  loadActionRuleFiles,
  loadActionRules,
  loadConfig,
  loadConfigFile,
  loadTemplatePack,
  readIntentCorpus,
  readTemplateFiles,
} from '../../../src/node/index.js';
import type { Outcome, Probe } from './probe.js';
import { BUILD_FACTOR, type Call } from './shared.js';
import { SECRET, withTree, type FileSpec, type Tree } from './tree.js';

type Args = unknown[];

/** A path argument: `root`, `outside`, or a path relative to the root; anything else is passed as is. */
function pathArgument(tree: Tree, target: unknown): unknown {
  if (target === 'root') return tree.root;
  if (target === 'outside') return tree.outside;
  if (typeof target === 'string') return resolve(tree.root, target);
  return target;
}

/** The arguments of a loader call: generated ones with `{ $path }` markers resolved in the tree. */
function argumentsIn(tree: Tree, args: unknown): Args {
  if (!Array.isArray(args)) return [];
  return args.map((arg) => {
    if (typeof arg === 'object' && arg !== null && '$path' in arg)
      return pathArgument(tree, (arg as { $path: unknown }).$path);
    if (Array.isArray(arg))
      return arg.map((item) =>
        typeof item === 'object' && item !== null && '$path' in item
          ? pathArgument(tree, (item as { $path: unknown }).$path)
          : item,
      );
    return arg;
  });
}

/** An error (message and issues) never quotes a file outside the root. */
function checkNoSecret(probe: Probe, label: string, outcome: Outcome<unknown>): void {
  if (outcome.ok) return;
  const error = outcome.error as { message?: unknown; issues?: HuashuIssue[] };
  const said = [
    String(error.message),
    ...(Array.isArray(error.issues) ? error.issues.map((i) => String(i?.message)) : []),
  ];
  if (said.some((text) => text.includes(SECRET)))
    probe.fail(`${label}: the error quotes the content of a file outside the folder (${SECRET} …)`);
}

const files = (input: Record<string, unknown>): FileSpec[] =>
  Array.isArray(input.files) ? (input.files as FileSpec[]) : [];

/** The paths a configuration file names (templates, actions, lint.packs), resolved against its folder. */
function configPaths(file: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  if (typeof value !== 'object' || value === null) return [];
  const config = value as { templates?: unknown; actions?: unknown; lint?: { packs?: unknown } };
  const named = [
    config.templates,
    config.actions,
    ...(Array.isArray(config.lint?.packs) ? config.lint.packs : []),
  ];
  return named.filter((p): p is string => typeof p === 'string').map((p) => resolve(dirname(file), p));
}

export const nodeCalls: Record<string, Call> = {
  async 'node.templates'({ input, probe }) {
    await withTree(files(input), (tree) => {
      const args = argumentsIn(tree, input.args);
      const read = probe.call('readTemplateFiles', () =>
        (readTemplateFiles as (...a: Args) => unknown)(...args),
      );
      checkNoSecret(probe, 'readTemplateFiles', read);
      const loaded = probe.call(
        'loadTemplatePack',
        () => (loadTemplatePack as (...a: Args) => ReturnType<typeof loadTemplatePack>)(...args),
        {
          factor: BUILD_FACTOR,
        },
      );
      checkNoSecret(probe, 'loadTemplatePack', loaded);
      if (!loaded.ok) return;
      // A pack the loader accepted is accepted by createAssistant.
      const assistant = probe.call(
        'createAssistant({ templates })',
        () => createAssistant({ templates: loaded.value, templateCompiler }),
        {
          factor: BUILD_FACTOR,
          strict: true,
        },
      );
      if (assistant.ok) probe.call('reply', () => assistant.value.reply('我的订单什么时候发货'));
    });
  },

  async 'node.actions'({ input, probe }) {
    await withTree(files(input), (tree) => {
      const args = argumentsIn(tree, input.args);
      const fn = input.fn === 'loadActionRuleFiles' ? loadActionRuleFiles : loadActionRules;
      const loaded = probe.call(
        String(input.fn),
        () => (fn as (...a: Args) => ReturnType<typeof loadActionRules>)(...args),
        {
          factor: BUILD_FACTOR,
        },
      );
      checkNoSecret(probe, String(input.fn), loaded);
      if (!loaded.ok) return;
      const options = args[1] as { operators?: Record<string, never> } | undefined;
      const assistant = probe.call(
        'createAssistant({ actions })',
        () =>
          createAssistant({
            actions: {
              ...loaded.value,
              ...(options?.operators === undefined ? {} : { operators: options.operators }),
            },
          }),
        { factor: BUILD_FACTOR, strict: true },
      );
      if (assistant.ok) probe.call('reply', () => assistant.value.reply('我要退款，你们太差了'));
    });
  },

  async 'node.config'({ input, probe }) {
    await withTree(files(input), (tree) => {
      const args = argumentsIn(tree, input.args);
      const fn =
        input.fn === 'loadConfig'
          ? loadConfig
          : input.fn === 'findConfigFile'
            ? findConfigFile
            : loadConfigFile;
      const outcome = probe.call(String(input.fn), () => (fn as (...a: Args) => unknown)(...args), {
        factor: BUILD_FACTOR,
      });
      checkNoSecret(probe, String(input.fn), outcome);
      if (!outcome.ok || input.fn === 'findConfigFile') return;
      const file =
        input.fn === 'loadConfig' ? (outcome.value as { path?: string }).path : (args[0] as string);
      if (typeof file !== 'string') return;
      // Containment: a configuration reads nothing outside its own folder.
      const folder = dirname(resolve(file));
      for (const path of configPaths(file))
        if (!tree.inside(path, folder)) {
          probe.fail(`${String(input.fn)} accepted a path outside the configuration's folder: ${path}`);
          break;
        }
    });
  },

  'node.natural'({ input, probe }) {
    const created = probe.call(
      'createNaturalClassifier',
      () => createNaturalClassifier(input.options as never),
      {
        factor: BUILD_FACTOR,
      },
    );
    if (created.ok) {
      const model = created.value;
      const text = typeof input.text === 'string' ? input.text : '';
      // normalize has its own property: the budget here is predict's. natural's Bayes walks every
      // distinct feature of the whole text per class in plain objects (linear, 101-157 ms of CPU
      // on 1 MB here); analyze() gives a model only its bounded window, so twice the budget.
      const normalized = normalize(text);
      const predicted = probe.call('model.predict', () => model.predict(normalized), { factor: 2 });
      if (predicted.ok) {
        const values = Array.from(predicted.value);
        probe.check(
          values.length === model.intents.length,
          () => `predict gave ${values.length} probabilities for ${model.intents.length} intents`,
        );
        probe.check(
          values.every((p) => Number.isFinite(p) && p >= 0 && p <= 1 + 1e-9),
          () => `predict gave a probability outside [0, 1]: ${values.join(', ').slice(0, 200)}`,
        );
      }
    }
    if (input.corpus === true) {
      const corpus = probe.call('readIntentCorpus', () => readIntentCorpus(), {
        factor: BUILD_FACTOR,
        strict: true,
      });
      if (corpus.ok) probe.check(corpus.value.length > 0, () => 'readIntentCorpus returned no examples');
    }
  },
};
