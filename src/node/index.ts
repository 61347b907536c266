/**
 * Node-only helpers: loading packs and configuration from the file system. The core (`huashu`)
 * never touches files or the process, so it runs in browsers, workers and edge functions.
 */
import { installNativeInflate } from './native-inflate.js';

installNativeInflate();

// The assistant and its errors, so `huashu/node` alone is enough in Node (one shared core: see tsup.config.ts).
export { createAssistant, HuashuError, isHuashuError } from '../index.js';
export { loadTemplatePack, readTemplateFiles } from './templates.js';
export { CONFIG_FILE_NAME, findConfigFile, loadConfig, loadConfigFile } from './config.js';
export type { HuashuConfig, LoadedConfig } from './config.js';
export { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FOLDER_ENTRIES } from './files.js';
export type { FileLimits } from './files.js';
export { loadActionRuleFiles, loadActionRules } from './actions.js';
export type { ActionRuleLoadOptions, ActionRulePack } from './actions.js';
export { createNaturalClassifier, readIntentCorpus } from './natural.js';
export type { NaturalClassifierOptions } from './natural.js';
