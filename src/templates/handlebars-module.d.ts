// The package's main entry (lib/index.js) registers require.extensions for .hbs files as a side
// effect; the library imports the same build without it.
declare module 'handlebars/dist/cjs/handlebars.js' {
  import Handlebars from 'handlebars';
  export default Handlebars;
}
declare module 'handlebars/dist/cjs/handlebars.runtime.js' {
  import Handlebars from 'handlebars/runtime';
  export default Handlebars;
}
