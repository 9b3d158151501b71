import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to every text file of the build, once, at the
 * highest levels: the API serves them as they are (serveStatic's `precompressed`), so no request
 * pays for compressing the same bytes again.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const compressible = /\.(js|css|html|svg|json|txt)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: 'kenshu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!compressible.test(file)) continue;
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The sign-in page is a page of its own (sign-in.html, see src/sign-in.tsx). The API serves it
 * at `/sign-in`; the development and preview servers do the same here, instead of their default
 * of index.html for every address.
 */
function signInPage(): Plugin {
  const rewrite = (req: { url?: string | undefined }, _res: unknown, next: () => void) => {
    if (req.url && /^\/sign-in(\?|$)/.test(req.url))
      req.url = req.url.replace('/sign-in', '/sign-in.html');
    next();
  };
  return {
    name: 'kenshu-sign-in-page',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

/** The HTML pages: the app, and sign-in without the app's router (the page most people open first). */
const PAGES = {
  index: fileURLToPath(new URL('index.html', import.meta.url)),
  'sign-in': fileURLToPath(new URL('sign-in.html', import.meta.url)),
};

/**
 * The modules each page imports statically, directly or not: what its browser fetches before the
 * page shows. Worked out once the module graph is known, for the code-splitting groups below.
 */
const initialModules = new Map<keyof typeof PAGES, Set<string>>();

/**
 * What the pages people land on after signing in load right after the frame: the modules home
 * and My training both import statically (My training's list with its booking buttons, query
 * states, dates) and the person's menu in the header. Worked out with `initialModules`.
 */
const landingModules = new Set<string>();
const LANDING_PAGES = ['src/app/routes/dashboard.tsx', 'src/app/routes/my-training.tsx'].map(
  (path) => fileURLToPath(new URL(path, import.meta.url)),
);
const USER_MENU = fileURLToPath(
  new URL('src/features/auth/components/user-menu.tsx', import.meta.url),
);

function findInitialModules(): Plugin {
  return {
    name: 'kenshu-initial-modules',
    apply: 'build',
    buildEnd() {
      const closure = (from: string) => {
        const found = new Set<string>();
        const visit = (id: string) => {
          if (found.has(id)) return;
          found.add(id);
          for (const imported of this.getModuleInfo(id)?.importedIds ?? []) visit(imported);
        };
        visit(from);
        return found;
      };
      for (const [name, html] of Object.entries(PAGES) as [keyof typeof PAGES, string][])
        initialModules.set(name, closure(html));
      const [home, myTraining] = LANDING_PAGES.map(closure);
      for (const id of home ?? []) if (myTraining?.has(id)) landingModules.add(id);
      for (const id of closure(USER_MENU)) landingModules.add(id);
    },
  };
}

const isInitialOf = (page: keyof typeof PAGES, id: string) =>
  initialModules.get(page)?.has(id) === true;
// The entry modules stay out of the groups: they are what the HTML pages load.
const isEntry = (id: string) => /\/(index\.html|main\.tsx|sign-in\.html|sign-in\.tsx)$/.test(id);

export default defineConfig({
  plugins: [react(), precompress(), signInPage(), findInitialModules()],
  resolve: {
    alias: [
      // The router's store asks for the shim that brings useSyncExternalStore to React before 18;
      // React 19 has it, so the selector helper that uses React's own is all the app needs.
      {
        find: /^use-sync-external-store\/shim\/with-selector$/,
        replacement: 'use-sync-external-store/with-selector',
      },
    ],
  },
  build: {
    outDir: 'dist',
    // Every browser the build targets (Baseline widely available) knows <link rel=modulepreload>.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: PAGES,
      output: {
        codeSplitting: {
          // Everything a page imports statically is fetched before it shows anyway; as one file
          // it compresses as one, instead of as some forty small shared chunks, each with its own
          // import and export lists. One file holds what both pages need (React, words, queries,
          // the header), one what only the app needs (the router, the route table, the menu), so
          // sign-in loads no router; sign-in's own few modules are left to the bundler. Rolldown's
          // `$initial` leaves out what the graph reaches but only pages loaded later use. What
          // home and My training share ships as one more file (`landing`) instead of a dozen
          // small ones (about −2.5 KB gzipped for My training); what of it sign-in uses too (the card,
          // the menu's styles) goes with `shared`, so sign-in loads neither the router nor it.
          groups: [
            {
              name: 'shared',
              tags: ['$initial'],
              priority: 1,
              test: (id) =>
                !isEntry(id) &&
                isInitialOf('sign-in', id) &&
                (isInitialOf('index', id) || landingModules.has(id)),
            },
            {
              name: 'app',
              tags: ['$initial'],
              test: (id) => !isEntry(id) && isInitialOf('index', id),
            },
            {
              name: 'landing',
              test: (id) =>
                landingModules.has(id) && !isInitialOf('index', id) && !isInitialOf('sign-in', id),
            },
          ],
        },
      },
      treeshake: {
        // @kenshu/domain imports the holiday calendar (a CommonJS data file of ~200 kB) for its
        // working-day rules. Declaring it free of side effects lets the bundle drop it until the
        // web app calls those rules.
        moduleSideEffects: (id) => !id.includes('/@holiday-jp/holiday_jp/'),
      },
    },
  },
  server: {
    // The API runs separately in development (`pnpm --filter @kenshu/api dev`); in production it
    // serves the built SPA itself, so the browser only ever talks to one origin.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
