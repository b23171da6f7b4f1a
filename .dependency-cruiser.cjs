// The layers point down only: app → components → lib → db. instrumentation.ts is a
// composition root beside app/; scripts/, tests/ and e2e/ sit on top and may import anything.
// Run by `npm run deps` (in `npm test`); .dependency-cruiser-client.cjs checks the client graph.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: modules that cannot be understood, tested or loaded one without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'components-not-to-app',
      severity: 'error',
      comment: 'components/ sits below app/: a component needing something of a page takes it as a prop.',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
    {
      name: 'lib-not-to-app-or-components',
      severity: 'error',
      comment: 'lib/ is the domain, below the UI: it never imports pages or components.',
      from: { path: '^lib/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'db-not-to-upper-layers',
      severity: 'error',
      comment: 'db/ (schema, vocabulary, the handle) is the bottom layer: it imports nothing of the app.',
      from: { path: '^db/' },
      to: { path: '^(lib|app|components)/|^instrumentation\\.ts$' },
    },
    {
      name: 'job-queue-knows-no-feature',
      severity: 'error',
      comment:
        'lib/jobs is the queue only: features register their workers (instrumentation.ts) and enqueue; ' +
        'the queue never imports a feature.',
      from: { path: '^lib/jobs/' },
      to: { path: '^lib/', pathNot: '^lib/(jobs/|log/|env\\.ts$)' },
    },
    {
      name: 'offline-matching-not-in-live-path',
      severity: 'error',
      comment:
        'lib/matching/{engine,baseline,metrics}.ts are the offline evaluation (tests, scripts/match-eval*): ' +
        'the application serves through retrieve/score/proposals and never loads them.',
      from: { path: '^(app|components|lib)/', pathNot: '^lib/matching/(engine|baseline|metrics)(\\.test)?\\.ts$' },
      to: { path: '^lib/matching/(engine|baseline|metrics)\\.ts$' },
    },
    {
      name: 'production-not-to-test-code',
      severity: 'error',
      comment: 'Tests, scripts and e2e sit on top; the application never imports them.',
      from: { path: '^(app|components|lib|db)/|^(instrumentation|proxy)\\.ts$' },
      to: { path: '^(tests|e2e|scripts)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve: a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.next[^/]*|\\.data|node_modules|test-results|db/migrations)/' },
    // type-only imports count: a backward arrow is one even when only a type travels along it
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
