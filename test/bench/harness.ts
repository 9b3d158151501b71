import type { Database } from '@kenshu/db';

export type EngineKind = 'embedded' | 'postgres';

/** CSV text for COPY into one table's listed columns. */
export interface CsvCopy {
  table: string;
  columns: readonly string[];
  csv: string;
}

/** A fresh, migrated database on one engine, plus the raw access that baselines need. */
export interface BenchEngine {
  kind: EngineKind;
  /** The app's data layer talks to this handle. */
  db: Database['db'];
  /** The database's connection URL, on PostgreSQL (other processes can open it). */
  url?: string;
  /** Runs SQL as is (DDL, truncates), outside the app's data layer. */
  exec(sql: string): Promise<void>;
  /** Loads each CSV with COPY, all in one transaction. */
  copyCsv(copies: readonly CsvCopy[]): Promise<void>;
  close(): Promise<void>;
}

/** One side of a comparison: `reset` puts the database back, untimed; `run` is timed. */
export interface Trial {
  label: string;
  reset(): Promise<void>;
  run(): Promise<void>;
}

export interface Measured {
  label: string;
  runsMs: number[];
  medianMs: number;
}

export interface BenchContext extends Omit<BenchEngine, 'close'> {
  repeat: number;
  /** Times subject and baseline `repeat` times each, interleaved, and keeps the medians. */
  compare(subject: Trial, baseline: Trial): Promise<{ subject: Measured; baseline: Measured }>;
}

export interface BenchOutcome {
  subject: Measured;
  baseline: Measured;
  /** Extra figures worth a glance, as label and formatted value. */
  figures: [label: string, value: string][];
  /**
   * The ratio as printed, when subject / baseline time is not the figure to read (a load run
   * reports requests per second, subject / baseline, where higher is better).
   */
  ratio?: string;
}

/** A benchmark: registered in run.ts, run once per engine on a fresh database. */
export interface Benchmark {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchOutcome>;
}

/** A quantity measured once, not timed: a size in bytes, for one. */
export interface Quantity {
  label: string;
  value: number;
  /** The value as people read it (e.g. "92 KB"). */
  text: string;
}

/** One comparison of a benchmark that needs no database. */
export interface StaticOutcome {
  label: string;
  subject: Quantity;
  baseline: Quantity;
  figures: [label: string, value: string][];
}

/** A benchmark that needs no database (the web app's download size): run once, not per engine. */
export interface WebBenchmark {
  name: string;
  description: string;
  run(): Promise<StaticOutcome[]>;
}

export function contextFor(engine: BenchEngine, repeat: number): BenchContext {
  return {
    kind: engine.kind,
    db: engine.db,
    ...(engine.url ? { url: engine.url } : {}),
    exec: (sql) => engine.exec(sql),
    copyCsv: (copies) => engine.copyCsv(copies),
    repeat,
    async compare(subject, baseline) {
      const times: [number[], number[]] = [[], []];
      for (let i = 0; i < repeat; i++) {
        // Alternate which side goes first, so warm-up and drift do not favour one side.
        const order = i % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
        for (const side of order) {
          const trial = side === 0 ? subject : baseline;
          await trial.reset();
          const started = performance.now();
          await trial.run();
          times[side].push(performance.now() - started);
        }
      }
      return {
        subject: { label: subject.label, runsMs: times[0], medianMs: median(times[0]) },
        baseline: { label: baseline.label, runsMs: times[1], medianMs: median(times[1]) },
      };
    },
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

/** Rows per second at the median time, formatted. */
export function rowsPerSecond(rows: number, measured: Measured): string {
  return formatNumber(rows / (measured.medianMs / 1000));
}

export function formatNumber(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatMs(measured: Measured): string {
  return `${formatNumber(measured.medianMs)} ms`;
}

export function formatSpread(measured: Measured): string {
  if (measured.runsMs.length < 2) return '';
  const lo = Math.min(...measured.runsMs);
  const hi = Math.max(...measured.runsMs);
  return ` (${formatNumber(lo)}–${formatNumber(hi)})`;
}
