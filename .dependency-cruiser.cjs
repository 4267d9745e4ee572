/**
 * The import boundaries `npm run lint` enforces (docs/ARCHITECTURE.md, "Layers").
 * app/ → components/ → lib/<feature> → lib/jobs, lib/realtime, lib/api → lib/db → lib/env, lib/log.
 * Never upward, never in a circle; browser code never reaches server-only code.
 */
/** Tests may reach across layers (an integration test drives a route); they may not form cycles. */
const TESTS = '\\.(test|spec)\\.tsx?$|\\.testkit\\.tsx?$|^(test|e2e)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'Import cycles make load order matter and layers meaningless. Break it with a port, a job or a leaf module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'db-knows-no-feature',
      severity: 'error',
      comment:
        'lib/db is the bottom layer: it may use lib/env, lib/log and lib/crypto, nothing of a feature.',
      from: { path: '^lib/db/', pathNot: TESTS },
      to: {
        path: '^(app|components|party|workers)/|^lib/',
        pathNot: '^lib/(db|env|log|crypto)(/|\\.ts$)',
      },
    },
    {
      name: 'jobs-know-the-catalog-not-the-handlers',
      severity: 'error',
      comment:
        'Only the dispatcher start-up and /api/jobs/[name] run handlers; lib/ queues jobs by name through the catalog.',
      from: { path: '^(lib|components|party|app)/', pathNot: ['^app/api/jobs/', TESTS] },
      to: { path: '^workers/' },
    },
    {
      name: 'lib-never-imports-upward',
      severity: 'error',
      comment: 'lib/ is below app/ and components/.',
      from: { path: '^lib/', pathNot: TESTS },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'components-never-import-routes',
      severity: 'error',
      from: { path: '^components/', pathNot: TESTS },
      to: { path: '^app/' },
    },
    {
      name: 'rooms-stay-in-the-realtime-layer',
      severity: 'error',
      comment: 'PartyKit rooms run on workerd: no store, no Next.js, no job handlers.',
      from: { path: '^party/', pathNot: TESTS },
      to: { path: '^(app|components|workers)/|^lib/db/' },
    },
    {
      name: 'browser-never-reaches-server-only',
      severity: 'error',
      comment:
        'Components and lib/<feature>/client run in the browser: nothing they import, however indirectly, may be server-only.',
      from: { path: '^(components/|lib/[^/]+/client/)', pathNot: TESTS },
      to: { path: '(^|/)node_modules/server-only/', reachable: true },
    },
    {
      name: 'rooms-never-reach-server-only',
      severity: 'error',
      comment:
        'party/ bundles for workerd, where server-only (a React Server Components marker) would throw.',
      from: { path: '^party/', pathNot: TESTS },
      to: { path: '(^|/)node_modules/server-only/', reachable: true },
    },
    {
      name: 'server-never-reaches-client-only',
      severity: 'error',
      from: { path: '^(lib/[^/]+/server/|lib/db/|workers/|app/api/)', pathNot: TESTS },
      to: { path: '(^|/)node_modules/client-only/', reachable: true },
    },
    {
      name: 'production-code-never-imports-tests',
      severity: 'error',
      comment: 'Test helpers live in test/ (or *.testkit.ts) and are imported only by tests.',
      from: { path: '^(app|components|lib|party|workers)/', pathNot: TESTS },
      to: { path: '^(test|e2e)/|\\.(test|spec|testkit)\\.tsx?$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.next|\\.data|node_modules/.+/node_modules)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
