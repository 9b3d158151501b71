import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type Manifest } from 'vite';
import { formatNumber, type WebBenchmark } from '../harness.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const webRoot = join(root, 'apps/web');
const blankRoot = fileURLToPath(new URL('../blank-vite-react', import.meta.url));

/**
 * The pages measured, each by the chunks its browser fetches before it shows: sign-in is a page
 * of its own (sign-in.html); My training is the app's entry (index.html), the route chunk the
 * router loads for it, and what the layout loads lazily as soon as a signed-in page shows (the
 * person's menu in the header).
 */
const PAGES = [
  { label: 'sign-in', chunks: ['sign-in.html'] },
  {
    label: 'My training',
    chunks: [
      'index.html',
      'src/app/routes/my-training.tsx',
      'src/features/auth/components/user-menu.tsx',
    ],
  },
] as const;

/** Builds a Vite app with a manifest into a temporary folder; returns the folder and manifest. */
async function buildWithManifest(
  appRoot: string,
  options: { configFile: string | false },
): Promise<{ outDir: string; manifest: Manifest }> {
  const outDir = mkdtempSync(join(tmpdir(), 'kenshu-first-load-'));
  await build({
    root: appRoot,
    configFile: options.configFile,
    ...(options.configFile === false ? { plugins: [react()] } : {}),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true, copyPublicDir: false },
  });
  const manifest = JSON.parse(
    readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as Manifest;
  return { outDir, manifest };
}

/**
 * Every JavaScript file a browser fetches before it can show the chunk `key`: the chunk and,
 * transitively, its static imports (what Vite writes as modulepreload links). Dynamic imports
 * are left out: they load later, on demand.
 */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the build manifest has no chunk for ${key}`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

function gzippedBytes(outDir: string, files: Iterable<string>): number {
  let total = 0;
  for (const file of files) {
    if (file.endsWith('.js'))
      total += gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
  }
  return total;
}

const kb = (bytes: number) => `${formatNumber(bytes / 1024)} KB`;

/**
 * The JavaScript a new visitor's browser downloads (gzipped) before the sign-in page and My
 * training can show, against the blank Vite React starter built in the same run with the same
 * Vite: each page's chunks (PAGES) with their static imports.
 */
export const firstLoad: WebBenchmark = {
  name: 'first-load',
  description:
    'first-load JavaScript (gzipped) of sign-in and My training vs. a blank Vite React app',
  async run() {
    const app = await buildWithManifest(webRoot, { configFile: join(webRoot, 'vite.config.ts') });
    const blank = await buildWithManifest(blankRoot, { configFile: false });
    try {
      const blankBytes = gzippedBytes(blank.outDir, staticClosure(blank.manifest, 'index.html'));
      return PAGES.map((page) => {
        const files = new Set<string>();
        for (const chunk of page.chunks) staticClosure(app.manifest, chunk, files);
        const bytes = gzippedBytes(app.outDir, files);
        return {
          label: page.label,
          subject: { label: page.label, value: bytes, text: kb(bytes) },
          baseline: { label: 'blank Vite React', value: blankBytes, text: kb(blankBytes) },
          figures: [['files', String(files.size)]],
        };
      });
    } finally {
      rmSync(app.outDir, { recursive: true, force: true });
      rmSync(blank.outDir, { recursive: true, force: true });
    }
  },
};
