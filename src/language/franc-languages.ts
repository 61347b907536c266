/**
 * The Latin-script languages shop chat meets, as franc's ISO 639-3 codes with their BCP-47 tags.
 * franc is called with `only` these; the build also trims franc's trigram data to them
 * (tsup.config.ts), which cuts ~40 ms of import time.
 */
export const FRANC_TO_BCP47: Readonly<Record<string, string>> = {
  eng: 'en',
  spa: 'es',
  zlm: 'ms',
  ind: 'id',
  fra: 'fr',
  deu: 'de',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  vie: 'vi',
  tgl: 'tl',
};
