/**
 * Whether `value` is one of the objects huashu exports for callers to hand back in options
 * (`exampleModel` from huashu/intent, `templateCompiler` from huashu/templates): its `kind` names
 * it, and it has these methods. A look-alike with the kind but not the methods is refused.
 */
export function isKindObject(value: unknown, kind: string, methods: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const object = value as Record<string, unknown>;
  return object.kind === kind && methods.every((name) => typeof object[name] === 'function');
}
