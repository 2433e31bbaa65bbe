/**
 * The rules of the house (docs/architecture.md), checked on every import of src/ — type-only imports
 * included (tsPreCompilationDeps) — by `npm run lint`; `npm run graph` draws the same graph, folded
 * to folders, into docs/architecture/dependency-graph.svg.
 *
 * .dependency-cruiser-known-violations.json records violations that were there when a rule came in
 * (`npm run lint` passes `--ignore-known`): every new one fails. Fix a known one, then regenerate the
 * record with `npx depcruise src --config .dependency-cruiser.cjs --output-type baseline
 * --output-to .dependency-cruiser-known-violations.json` (and delete it, and the flag, when empty).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No cycles: a module and what it imports never lead back to it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves, so the rules (and the graph) see every arrow.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'components-not-map-io-workers',
      severity: 'error',
      comment:
        'Components show and ask: the map through the injected controller (useMapController), files in and out ' +
        'through composables and stores, never src/map, src/io or src/workers themselves.',
      from: { path: '^src/components/' },
      to: { path: '^src/(map|io|workers)/' },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment:
        'src/domain is pure TypeScript: it imports nothing of the app outside src/domain (types included), ' +
        'no framework (Vue, pinia, i18n, MapLibre, deck.gl) and no Node built-in, so the server can share it.',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', '^node_modules/'],
      },
    },
    {
      name: 'domain-no-framework',
      severity: 'error',
      comment: 'src/domain runs anywhere: no Vue, pinia, vue-i18n, MapLibre or deck.gl.',
      from: { path: '^src/domain/' },
      to: { path: '^node_modules/(vue|@vue|pinia|vue-i18n|@intlify|maplibre-gl|@deck\\.gl|@luma\\.gl)/' },
    },
    {
      name: 'user-data-not-stores',
      severity: 'error',
      comment: 'The user-data slice is below the stores: src/stores may import src/user-data, never the other way.',
      from: { path: '^src/user-data/' },
      to: { path: '^src/stores/' },
    },
    {
      name: 'layers-not-stores-components-map',
      severity: 'error',
      comment: 'A layer spec is declarative data plus small functions: no stores, components or map.',
      from: { path: '^src/layers/' },
      to: { path: '^src/(stores|components|map)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.vue', '.js', '.mjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      // `npm run graph`: the picture of the house, one box per folder of src/ (App.vue, main.ts stay files).
      dot: {
        collapsePattern: '^src/[^/]+',
        theme: {
          graph: { rankdir: 'TB', splines: 'true', ranksep: '0.5', nodesep: '0.3', fontname: 'Helvetica' },
          node: { fontname: 'Helvetica', fontsize: '11' },
          edge: { color: '#00000066' },
        },
      },
    },
  },
}
