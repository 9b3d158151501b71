import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    // Every browser the build targets (Baseline widely available) knows <link rel=modulepreload>.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically is fetched before the first page shows
          // anyway; as one file it compresses as one, instead of as some forty small shared
          // chunks, each with its own import and export lists. (The entry module stays out of
          // the group: it is what index.html loads.)
          groups: [
            {
              name: 'app',
              tags: ['$initial'],
              test: (id) => !/\/(index\.html|main\.tsx)$/.test(id),
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
