import { fuzzArea } from './fuzz-area.js';

// Properties of test/fuzz/properties.ts whose area is "node"; settings in test/fuzz/config.ts.
fuzzArea('node');
