import { createReadStream } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { parse, type Info } from 'csv-parse';
import iconv from 'iconv-lite';

export type RosterEncoding = 'utf-8' | 'cp932';
export type RosterEncodingChoice = RosterEncoding | 'auto';

/** One CSV record and the line of the file it ends on. */
export interface CsvRow {
  line: number;
  values: string[];
}

// Enough bytes to see Japanese text in any real roster (the unit names come first).
const SNIFF_BYTES = 64 * 1024;
// A broken quote would otherwise swallow the rest of the file into one field.
const MAX_RECORD_CHARS = 64 * 1024;

/**
 * Reads a roster file as a stream of CSV records: bytes are decoded chunk by chunk (UTF-8 with
 * or without BOM, or CP932), then parsed by csv-parse's streaming parser. The file is never
 * held as one string. `onEncoding` learns which encoding was used (detected or chosen).
 */
export function readRosterCsv(
  path: string,
  choice: RosterEncodingChoice,
  onEncoding: (encoding: RosterEncoding) => void,
): AsyncIterable<CsvRow> {
  const text = Readable.from(decode(createReadStream(path), choice, onEncoding));
  const parser = parse({
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  // pipeline destroys the parser with the reader's error, so iterating it throws that error.
  const records = pipeline(text, parser, () => undefined);
  return (async function* () {
    for await (const item of records as AsyncIterable<{ record: string[]; info: Info }>) {
      yield { line: item.info.lines, values: item.record };
    }
  })();
}

async function* decode(
  source: AsyncIterable<Buffer>,
  choice: RosterEncodingChoice,
  onEncoding: (encoding: RosterEncoding) => void,
): AsyncGenerator<string> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let finished = false;
  if (choice === 'auto') {
    while (headBytes < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        finished = true;
        break;
      }
      head.push(next.value);
      headBytes += next.value.length;
    }
  }
  const encoding = choice === 'auto' ? detectEncoding(Buffer.concat(head)) : choice;
  onEncoding(encoding);
  // iconv-lite drops a leading BOM and turns invalid sequences into U+FFFD, which the
  // validation then reports as garbled text with its line number.
  const decoder = iconv.getDecoder(encoding === 'utf-8' ? 'utf8' : 'cp932');
  for (const chunk of head) yield decoder.write(chunk);
  while (!finished) {
    const next = await iterator.next();
    if (next.done) break;
    yield decoder.write(next.value);
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * UTF-8 if the opening bytes are valid UTF-8 (a sequence cut off at the end of the sample is
 * allowed), CP932 otherwise. Plain ASCII is the same in both.
 */
export function detectEncoding(sample: Buffer): RosterEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'cp932';
  }
}
