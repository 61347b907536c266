export { extractEntities } from './extract.js';
export { maskPhone } from './identifiers.js';
