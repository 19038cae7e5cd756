/* Runs TypeScript sources in a child process without a build: `node -r ./test/utils/swc-register.js src/main.ts`.
 * Same transform options as Jest: swc.config.js. */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
const options = require('../../swc.config');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename, swcrc: false });

  module._compile(code, filename);
};
