import { describeValue } from '../arguments.js';
import { didYouMean } from '../util/did-you-mean.js';
import { checkActionParams, type ActionCatalogue } from './catalogue.js';
import { replyStages } from './rule-schema.js';

/**
 * The checks of a rule's `event`: `{ type: "action", params: { actions } }` against the action
 * catalogue (ids, params), `{ type: "reply", params: { templateId | stage, requires? } }` against
 * the templates and the stages. A rule's conditions are checked by src/conditions/checks.ts.
 */

/** What events are checked against. */
export interface EventCheckContext {
  catalogue: ActionCatalogue;
  /** Whether a template id exists; when absent, template ids are not checked. */
  hasTemplate?: (id: string) => boolean;
}

/** Report a problem at a JSON path. */
export type Report = (path: string, message: string) => void;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function checkActionParamsOfEvent(
  params: Record<string, unknown>,
  at: string,
  context: EventCheckContext,
  report: Report,
): void {
  for (const key of Object.keys(params))
    if (key !== 'actions') report(`${at}.${key}`, `unexpected key "${key}" (an action event has "actions")`);
  const { actions } = params;
  if (!Array.isArray(actions) || actions.length === 0)
    return report(`${at}.actions`, 'expected a non-empty list of action ids or { id, params }');
  const { catalogue } = context;
  actions.forEach((ref: unknown, i) => {
    const where = `${at}.actions[${i}]`;
    const id = typeof ref === 'string' ? ref : isPlainObject(ref) ? ref.id : undefined;
    if (typeof id !== 'string')
      return report(where, 'expected an action id or { "id": ..., "params": {...} }');
    if (isPlainObject(ref))
      for (const key of Object.keys(ref))
        if (key !== 'id' && key !== 'params') report(`${where}.${key}`, `unexpected key "${key}"`);
    const spec = catalogue.actions.get(id);
    if (!spec) return report(where, `unknown action "${id}"${didYouMean(id, catalogue.actions.keys())}`);
    const given = isPlainObject(ref) ? ref.params : undefined;
    if (given !== undefined && !isPlainObject(given)) return report(`${where}.params`, 'expected an object');
    for (const problem of checkActionParams(spec, given)) report(where, problem);
  });
}

function checkReplyParams(
  params: Record<string, unknown>,
  at: string,
  context: EventCheckContext,
  report: Report,
): void {
  for (const key of Object.keys(params))
    if (key !== 'templateId' && key !== 'stage' && key !== 'requires')
      report(
        `${at}.${key}`,
        `unexpected key "${key}" (a reply event has "templateId" or "stage", and "requires")`,
      );
  const { templateId, stage, requires } = params;
  const { catalogue } = context;
  if (requires !== undefined) {
    if (!Array.isArray(requires) || requires.length === 0)
      report(`${at}.requires`, 'expected a non-empty list of action ids');
    else
      requires.forEach((id: unknown, i) => {
        if (typeof id !== 'string' || !catalogue.actions.has(id))
          report(
            `${at}.requires[${i}]`,
            typeof id === 'string'
              ? `unknown action ${JSON.stringify(id)}${didYouMean(id, catalogue.actions.keys())}`
              : `expected an action id (a string), got ${describeValue(id)}`,
          );
      });
  }
  if ((templateId === undefined) === (stage === undefined))
    report(at, 'a reply event names exactly one of "templateId" or "stage"');
  if (templateId !== undefined) {
    if (typeof templateId !== 'string' || !/^[a-z0-9-]+\/[a-z0-9._-]+$/.test(templateId))
      report(`${at}.templateId`, 'expected a template id "<group>/<name>"');
    else if (context.hasTemplate && !context.hasTemplate(templateId))
      report(`${at}.templateId`, `unknown template "${templateId}"`);
  }
  if (stage !== undefined && !(replyStages as readonly unknown[]).includes(stage))
    report(`${at}.stage`, `expected one of ${replyStages.join(', ')}`);
}

/** Check a rule's event (parsed JSON) at `at`, reporting every problem. */
export function checkEvent(event: unknown, at: string, context: EventCheckContext, report: Report): void {
  if (!isPlainObject(event)) return report(at, 'expected { "type": "action" | "reply", "params": {...} }');
  for (const key of Object.keys(event))
    if (key !== 'type' && key !== 'params') report(`${at}.${key}`, `unexpected key "${key}"`);
  const params = event.params;
  if (event.type !== 'action' && event.type !== 'reply')
    return report(`${at}.type`, 'expected "action" or "reply"');
  if (!isPlainObject(params)) return report(`${at}.params`, 'expected an object');
  if (event.type === 'action') checkActionParamsOfEvent(params, `${at}.params`, context, report);
  else checkReplyParams(params, `${at}.params`, context, report);
}
