/**
 * The HTTP load of `pnpm bench my-training-load`, in its own process so the client does not
 * share an event loop with the server it measures: autocannon against one or more URLs (its
 * connections spread over them), for a fixed time. Reads its options as one JSON argument and
 * prints the result as one JSON line.
 */
import autocannon from 'autocannon';

interface Options {
  urls: string[];
  headers: Record<string, string>;
  seconds: number;
  connections: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const result = await autocannon({
  // autocannon spreads connections over several URLs; its types know only one.
  url: options.urls as unknown as string,
  headers: options.headers,
  duration: options.seconds,
  connections: options.connections,
});
const out: LoadResult = {
  requestsPerSecond: result.requests.total / (result.duration || options.seconds),
  p50: result.latency.p50,
  p99: result.latency.p99,
  total: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
