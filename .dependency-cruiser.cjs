/**
 * The boundaries of the codebase, checked in CI (`pnpm lint`). Each rule says why it exists;
 * STYLE.md describes the layers: routes → services → repositories, pure rules in
 * packages/domain, SPA features that own their data and talk to each other only through a
 * feature's public `index.ts`.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes load order matter and hides which module owns what.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'web-talks-to-the-api-over-http',
      comment:
        "The browser bundle may not contain database or server code; it may import the API only for types (the typed client). The contracts too: their runtime is zod with the OpenAPI extensions, which would triple every visitor's first download; shared constants live in @kenshu/domain.",
      severity: 'error',
      from: { path: '^apps/web/' },
      to: {
        // Resolved paths, and the package names themselves (web does not depend on them, so an
        // import of one may stay unresolved).
        path: ['^(apps/api|packages/db|packages/contracts)/', '^@kenshu/(api|db|contracts)($|/)'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'features-use-each-others-public-api',
      comment:
        "A feature imports another feature only through that feature's index.ts, never its internals.",
      severity: 'error',
      from: { path: '^apps/web/src/features/([^/]+)/', pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^apps/web/src/features/[^/]+/',
        pathNot: ['^apps/web/src/features/$1/', '^apps/web/src/features/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'features-do-not-import-the-app-layer',
      comment:
        'The app layer (routes, layout) composes features; features do not reach up into it.',
      severity: 'error',
      from: { path: '^apps/web/src/(features|components|lib)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^apps/web/src/app/' },
    },
    {
      name: 'services-sit-below-routes-and-jobs',
      comment:
        'Routes and jobs call services; a service importing them turns the layers upside down.',
      severity: 'error',
      from: { path: '^apps/api/src/services/' },
      to: { path: '^apps/api/src/(routes|jobs)/' },
    },
    {
      name: 'repositories-know-no-http',
      comment: 'The database package is used by the API, the CLI and the tests alike.',
      severity: 'error',
      from: { path: '^packages/db/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-rules-are-pure',
      comment: 'Pure rules depend on nothing of ours but each other: no database, no API, no web.',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: '^(apps|packages/(db|contracts))/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};
