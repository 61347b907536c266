// Module hook for nb-today.ts: makes src/intent/classifier.ts load a naive Bayes model the lab
// trained (data.model, a .mjs file) instead of src/generated/intent-model.ts. Lab use only.
let model;
export function initialize(data) {
  model = data.model;
}
export async function resolve(specifier, context, next) {
  if (model && specifier.endsWith('/generated/intent-model.js')) return { url: model, shortCircuit: true };
  return next(specifier, context);
}
