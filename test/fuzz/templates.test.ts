import { fuzzArea } from './fuzz-area.js';

// Properties of test/fuzz/properties.ts whose area is "templates"; settings in test/fuzz/config.ts.
fuzzArea('templates');
