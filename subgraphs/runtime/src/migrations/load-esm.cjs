'use strict';
// Loads an ES module from CommonJS code. Kept as a plain .cjs file because the TypeScript
// compilers used here (swc under Jest, esbuild under tsx) may rewrite an `import()` written in
// a .ts file into `require()`, and Node 20 under Jest cannot require an ES module.
module.exports = function importEsm(url) {
  return import(url);
};
