/**
 * Child process for the staff-import benchmark's memory figure: applies one staff import file to a
 * fresh database of the given engine and prints JSON with the process's peak RSS. A process of
 * its own, so the parent's generated ministries and earlier runs do not count.
 * Usage: tsx test/bench/staff-import-memory.ts <file.csv> <embedded|postgres>
 */
import { loadConfig } from '@kenshu/api/config';
import { applyStaffImport, discardUpload, receiveUpload } from '@kenshu/api/staff-import';
import { createReadStream } from 'node:fs';
import { makePerson } from '../support/auth.ts';
import { actingAs } from './acting-as.ts';
import { openEmbeddedEngine, openPostgresEngine } from './engines.ts';

const [file, kind] = process.argv.slice(2);
if (!file || (kind !== 'embedded' && kind !== 'postgres')) {
  console.error('usage: staff-import-memory.ts <file.csv> <embedded|postgres>');
  process.exit(2);
}
const url = process.env.DATABASE_URL;
const engine =
  kind === 'postgres' && url ? await openPostgresEngine(url) : await openEmbeddedEngine();
try {
  const admin = await makePerson(engine.db, ['admin']);
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  const started = performance.now();
  const upload = await receiveUpload(createReadStream(file), {
    maxBytes: 2 ** 32,
    dir: loadConfig({}).uploadDir,
  });
  try {
    const result = await applyStaffImport({
      ctx: actingAs(engine.db, admin.id, { roles: ['admin'] }),
      input: { file: upload, mode: 'partial', encoding: 'auto', checksum: upload.checksum },
    });
    console.log(
      JSON.stringify({
        staff: result.records.staff,
        ms: performance.now() - started,
        rssBeforeMb,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      }),
    );
  } finally {
    await discardUpload(upload);
  }
} finally {
  await engine.close();
}
