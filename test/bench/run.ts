/**
 * `pnpm bench [name…]`: runs every registered benchmark (or the named ones) on a fresh embedded
 * database, and again on a fresh PostgreSQL database when DATABASE_URL is set; the web
 * benchmarks, which need no database, run once first. Each prints its
 * subject and baseline times (median of BENCH_REPEAT runs, default 3) and their ratio. Slow
 * ratios are reported, never failed: the exit code is non-zero only when something broke.
 */
import { attendance } from './benchmarks/attendance.ts';
import { booking } from './benchmarks/booking.ts';
import { firstLoad } from './benchmarks/first-load.ts';
import { loadOrganisation } from './benchmarks/load-organisation.ts';
import { myTrainingLoad } from './benchmarks/my-training-load.ts';
import { reminders } from './benchmarks/reminders.ts';
import { reports } from './benchmarks/reports.ts';
import { staffImport } from './benchmarks/staff-import.ts';
import { openEmbeddedEngine, openPostgresEngine } from './engines.ts';
import {
  contextFor,
  formatMs,
  formatNumber,
  formatSpread,
  type BenchEngine,
  type Benchmark,
  type BenchOutcome,
  type EngineKind,
  type StaticOutcome,
  type WebBenchmark,
} from './harness.ts';

/** Every benchmark, in the order they run. A new benchmark file is added here. */
const WEB_BENCHMARKS: readonly WebBenchmark[] = [firstLoad];
const BENCHMARKS: readonly Benchmark[] = [
  loadOrganisation,
  staffImport,
  booking,
  myTrainingLoad,
  attendance,
  reports,
  reminders,
];
const ALL_NAMES = [...WEB_BENCHMARKS, ...BENCHMARKS].map((b) => b.name);

interface Result {
  benchmark: string;
  engine: EngineKind | '-';
  outcome?: BenchOutcome;
  /** The outcome of a benchmark without a database. */
  static?: StaticOutcome;
  error?: string;
  peakRssMb: number;
}

const openEngines = new Set<BenchEngine>();

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const repeat = Number(process.env.BENCH_REPEAT ?? 3);
  if (!Number.isInteger(repeat) || repeat < 1) {
    console.error(`BENCH_REPEAT must be a positive whole number (got ${process.env.BENCH_REPEAT})`);
    return 1;
  }
  const names = process.argv.slice(2).filter((a) => a !== '--');
  const unknown = names.filter((n) => !ALL_NAMES.includes(n));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark ${unknown.join(', ')}; known: ${ALL_NAMES.join(', ')}`);
    return 1;
  }
  const chosen = <T extends { name: string }>(list: readonly T[]) =>
    list.filter((b) => names.length === 0 || names.includes(b.name));
  const selectedWeb = chosen(WEB_BENCHMARKS);
  const selected = chosen(BENCHMARKS);
  const engines: [EngineKind, () => Promise<BenchEngine>][] = [['embedded', openEmbeddedEngine]];
  if (databaseUrl) engines.push(['postgres', () => openPostgresEngine(databaseUrl)]);
  console.log(
    `${selected.length} benchmark(s) on ${engines.map(([kind]) => kind).join(' and ')}, ` +
      `median of ${repeat} run(s) each${databaseUrl ? '' : ' (set DATABASE_URL to add PostgreSQL)'}` +
      `${selectedWeb.length ? `, after ${selectedWeb.length} without a database` : ''}\n`,
  );

  const results: Result[] = [];
  for (const benchmark of selectedWeb) {
    console.log(`${benchmark.name}: ${benchmark.description}`);
    try {
      for (const outcome of await benchmark.run()) {
        const result: Result = {
          benchmark: `${benchmark.name} (${outcome.label})`,
          engine: '-',
          static: outcome,
          peakRssMb: 0,
        };
        results.push(result);
        console.log(`  ${describeResult(result)}`);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof Error && error.stack) console.error(error.stack);
      results.push({ benchmark: benchmark.name, engine: '-', error: message, peakRssMb: 0 });
    }
    console.log('');
  }
  for (const benchmark of selected) {
    console.log(`${benchmark.name}: ${benchmark.description}`);
    for (const [kind, open] of engines) {
      const result: Result = { benchmark: benchmark.name, engine: kind, peakRssMb: 0 };
      const rss = sampleRss();
      let engine: BenchEngine | undefined;
      try {
        engine = await open();
        openEngines.add(engine);
        result.outcome = await benchmark.run(contextFor(engine, repeat));
      } catch (error) {
        result.error = error instanceof Error ? error.message : String(error);
        if (error instanceof Error && error.stack) console.error(error.stack);
      } finally {
        if (engine) {
          openEngines.delete(engine);
          await engine.close().catch((error: unknown) => {
            result.error ??= `cleanup failed: ${String(error)}`;
          });
        }
      }
      result.peakRssMb = rss.stop() / 1024 / 1024;
      results.push(result);
      console.log(`  ${describeResult(result)}`);
    }
    console.log('');
  }
  printSummary(results);
  return results.some((r) => r.error) ? 1 : 0;
}

/**
 * The process's peak resident memory while one benchmark runs on one engine, sampled, since
 * the kernel's own peak covers the whole process and so every earlier run too.
 */
function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 25);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

function describeResult(r: Result): string {
  const head = r.engine.padEnd(9);
  if (r.static) {
    const { subject, baseline, figures } = r.static;
    return [
      head,
      `${subject.label} ${subject.text}`,
      `${baseline.label} ${baseline.text}`,
      `ratio ${(subject.value / baseline.value).toFixed(2)}×`,
      ...figures.map(([label, value]) => `${label} ${value}`),
    ].join('  ');
  }
  if (!r.outcome) return `${head} ERROR ${r.error ?? ''}`;
  const { subject, baseline, figures } = r.outcome;
  return [
    head,
    `${subject.label} ${formatMs(subject)}${formatSpread(subject)}`,
    `${baseline.label} ${formatMs(baseline)}${formatSpread(baseline)}`,
    `ratio ${ratio(r.outcome)}`,
    ...figures.map(([label, value]) => `${label} ${value}`),
    `peak RSS ${formatNumber(r.peakRssMb)} MB`,
    ...(r.error ? [`ERROR ${r.error}`] : []),
  ].join('  ');
}

function ratio({ subject, baseline, ratio: stated }: BenchOutcome): string {
  if (stated) return stated;
  return `${(subject.medianMs / baseline.medianMs).toFixed(2)}×`;
}

function printSummary(results: Result[]): void {
  const header = ['benchmark', 'engine', 'subject', 'baseline', 'ratio', 'figures'];
  const rows = results.map((r) =>
    r.static
      ? [
          r.benchmark,
          r.engine,
          r.static.subject.text,
          r.static.baseline.text,
          `${(r.static.subject.value / r.static.baseline.value).toFixed(2)}×`,
          r.static.figures.map(([label, value]) => `${label} ${value}`).join('; '),
        ]
      : r.outcome
        ? [
            r.benchmark,
            r.engine,
            formatMs(r.outcome.subject),
            formatMs(r.outcome.baseline),
            ratio(r.outcome),
            [
              ...r.outcome.figures.map(([label, value]) => `${label} ${value}`),
              `peak RSS ${formatNumber(r.peakRssMb)} MB`,
              ...(r.error ? [`ERROR ${r.error}`] : []),
            ].join('; '),
          ]
        : [r.benchmark, r.engine, '-', '-', '-', `ERROR ${r.error ?? ''}`],
  );
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i >= 2 && i <= 4 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  console.log(
    'Summary (times are medians; ratio = subject / baseline; peak RSS is this process, sampled)',
  );
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

// On Ctrl-C, still drop the bench databases and remove the temporary folders.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.allSettled([...openEngines].map((e) => e.close())).then(() => process.exit(130));
  });
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error);
  return 1;
});
