// @ts-check
import { readdirSync, existsSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries (ARCHITECTURE §4): outside its own folder, a module may be imported only through
 * its public files: `<name>.module`, `<name>.service` (the facade), `<name>.types` and `events`.
 * Entities, DTOs, controllers and internal services stay private. The framework knows no domain.
 */
const modules = existsSync('src/modules')
  ? readdirSync('src/modules', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : [];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const privatePartOf = (name) => ({
  regex: `(^|/)(\\.\\.|modules)/${escape(name)}/(?!(${escape(name)}\\.(module|service|types)|events)$).+`,
  message: `Import the '${name}' module through its facade (${name}.service), module, types or events; its other files are private.`,
});
// Nest's Post answers 201; Medusa's creates answer 200 (framework/http/verbs.ts).
const restrictedPaths = [
  { name: '@nestjs/common', importNames: ['Post'], message: "Use Post from framework/http/verbs: Medusa's POST routes answer 200." },
  {
    name: '@mikro-orm/nestjs',
    importNames: ['MikroOrmModule'],
    message: 'Register entities with ormFeature() from framework/database/entity-registry (autoLoadEntities forgets static modules).',
  },
];
const boundaryRules = (patterns) => ({ 'no-restricted-imports': ['error', { paths: restrictedPaths, patterns }] });

const focusedOrSkipped = ['it', 'test', 'describe'].flatMap((object) =>
  ['only', 'skip'].map((property) => ({ object, property, message: `${object}.${property} is not allowed: a skipped test asserts nothing.` })),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'bench/results/**', 'migrations/**', 'examples/*/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-properties': ['error', ...focusedOrSkipped],
      'no-restricted-imports': ['error', { paths: restrictedPaths }],
      'no-restricted-globals': [
        'error',
        ...['fit', 'fdescribe', 'xit', 'xdescribe', 'xtest'].map((name) => ({ name, message: `${name} is not allowed.` })),
      ],
    },
  },
  // The framework knows no commerce domain.
  {
    files: ['src/framework/**/*.ts'],
    rules: boundaryRules([{ regex: '(^|/)modules/', message: 'framework/ must not depend on a commerce module.' }]),
  },
  // Inside module X, every other module is reachable only through its public files.
  ...modules.map((name) => ({
    files: [`src/modules/${name}/**/*.ts`],
    rules: boundaryRules(modules.filter((other) => other !== name).map(privatePartOf)),
  })),
  // Flows, links, subscribers, jobs, read models, tests: public files of every module only (reads
  // cross modules' tables with raw SQL, never through their entities or internal services).
  {
    files: [
      'src/flows/**/*.ts',
      'src/links/**/*.ts',
      'src/reads/**/*.ts',
      'src/subscribers/**/*.ts',
      'src/jobs/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      // plugins extend the app from outside: the same public files as any other caller
      'examples/**/*.ts',
    ],
    rules: boundaryRules(modules.map(privatePartOf)),
  },
  // Plain CommonJS helpers (the test require hook).
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The CLI and bootstrap print to the console by design.
  { files: ['src/cli.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.js'], rules: { 'no-console': 'off' } },
);
