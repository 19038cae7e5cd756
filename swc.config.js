/**
 * The one swc configuration for running TypeScript without tsc: Jest (@swc/jest) and the require
 * hook that child-process tests use. Legacy decorators with emitted metadata and kept class names
 * are what Nest and MikroORM's reflection need.
 */
module.exports = {
  sourceMaps: 'inline',
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
};
