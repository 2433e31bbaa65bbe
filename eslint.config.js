// Lint: TypeScript and Vue recommended rules, plus the project's own: no v-html anywhere
// (property text is never HTML), no console.log left in the app. Layout is prettier's.
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import prettierConfig from 'eslint-config-prettier'
import { readdirSync } from 'node:fs'

/**
 * A layer is known by what its spec declares, not by its id: no built-in layer id (the names of
 * src/layers/*.layer.ts and *.derived-layer.ts) outside src/layers. Ask `layers.withCapability(...)`.
 * A literal on the left of `in` is a property name (`'district' in target`), not an id.
 */
const BUILT_IN_LAYER_IDS = readdirSync(new URL('./src/layers', import.meta.url))
  .filter((file) => /\.(derived-)?layer\.ts$/.test(file))
  .map((file) => file.replace(/\.(derived-)?layer\.ts$/, ''))
const NO_LAYER_ID_LITERAL = {
  selector: `Literal[value=/^(${BUILT_IN_LAYER_IDS.join('|')})$/]:not(BinaryExpression[operator='in'] > Literal.left)`,
  message: 'No built-in layer id outside src/layers: ask for a capability (layers.withCapability, idWithCapability).',
}

/** No globals on window for automation: the e2e build's probe (src/map/test-probe.ts) is the one exception. */
const NO_DUNDER_GLOBALS = {
  selector: 'MemberExpression[property.name=/^__/]',
  message:
    'No window.__* globals in the app: the e2e probe lives in src/map/test-probe.ts, built only with --mode e2e.',
}

export default [
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'public/**',
      'test-results/**',
      'bench/results/**',
      'bench/dist/**',
      'reports/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  // Layout is prettier's (checked by `npm run lint`); eslint keeps to correctness.
  prettierConfig,
  // Lines at most 120 characters: prettier cannot break long strings and comments, so eslint checks them.
  { rules: { 'max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }] } },
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] },
    },
  },
  {
    rules: {
      'vue/no-v-html': 'error',
      'vue/no-v-text-v-html-on-component': 'error',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.vue'],
    rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },
  // One way to the map: components inject the map controller (src/composables/use-map-controller.ts)
  // and change stores; src/modules/map-controller.ts provides it (dependency-cruiser checks the same).
  {
    files: ['src/components/**/*.vue', 'src/components/**/*.ts', 'src/composables/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../map/*', '../../map/*', '**/src/map/*'],
              message: 'Components never reach into the map: use useMapController() or change a store.',
            },
          ],
        },
      ],
    },
  },
  // A layer is known by what its spec declares, not by its id: the components, composables, stores and
  // the map ask for a capability (areaUnit, readings, inspections, extent, …), never name a layer.
  {
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/map/test-probe.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_DUNDER_GLOBALS] },
  },
  {
    files: ['src/components/**', 'src/composables/**', 'src/stores/**', 'src/map/**', 'src/App.vue', 'src/modules/**'],
    ignores: ['src/map/test-probe.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_LAYER_ID_LITERAL, NO_DUNDER_GLOBALS] },
  },
  // One way to speak: components never branch on the locale. Interface sentences are messages (t),
  // labels that come with the data are Bilingual and shown with useLocaleText().pick.
  {
    files: ['src/components/**/*.vue', 'src/components/**/*.ts', 'src/App.vue'],
    rules: Object.fromEntries(
      ['no-restricted-syntax', 'vue/no-restricted-syntax'].map((rule) => [
        rule,
        [
          'error',
          NO_LAYER_ID_LITERAL,
          NO_DUNDER_GLOBALS,
          {
            selector: "BinaryExpression[operator=/^[!=]==?$/] > Literal[value='en']",
            message:
              "No `=== 'en'` branches: put the sentence in src/i18n (t) or show a Bilingual with useLocaleText().pick.",
          },
        ],
      ]),
    ),
  },
]
