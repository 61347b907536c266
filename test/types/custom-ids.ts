/**
 * The typed way to add ids (src/ids.ts), as a user writes it with `declare module 'huashu'`: the
 * tests' own templates and rules are declared here, so their ids type-check where huashu reports
 * them (Finding.ruleId, TemplateEntry.id).
 */
export {};

declare module '../../src/ids.js' {
  interface CustomTemplates {
    'shop/gift-wrap': true;
    'shop/thanks-zh': true;
    'shop/probe': true;
  }
  interface CustomLintRules {
    /** A stand-in rule id of hand-made findings. */
    r: true;
  }
}
