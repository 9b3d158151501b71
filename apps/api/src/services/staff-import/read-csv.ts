import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';

export type StaffImportEncoding = 'utf-8' | 'cp932';
export type StaffImportEncodingChoice = StaffImportEncoding | 'auto';

/** One CSV record and the line of the file it starts on. */
export interface CsvRow {
  line: number;
  values: string[];
  /** Some of its text did not decode: the file is not in the encoding it was read as. */
  garbled: boolean;
}

/** The file is not well-formed CSV (an unclosed or stray quote, a runaway record). */
export class StaffImportCsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'StaffImportCsvError';
  }
}

// Enough bytes to see Japanese text in any real staff import file (the unit names come first).
const SNIFF_BYTES = 64 * 1024;
// U+FFFD is what the decoder leaves for bytes that are not valid in the encoding; NUL appears
// when a UTF-16 file is read as either.
const undecoded = (text: string) => text.includes('\uFFFD') || text.includes('\u0000');
// A broken quote would otherwise swallow the rest of the file into one field.
const MAX_RECORD_CHARS = 64 * 1024;

/**
 * Reads a staff import file as a stream of CSV records, a batch per chunk of the file: bytes are
 * decoded chunk by chunk (UTF-8 with or without BOM, or CP932), then parsed by papaparse's
 * parser, which carries an unfinished record over to the next chunk. The file is never held
 * as one string. `onEncoding` learns which encoding was used (detected or chosen).
 *
 * papaparse rather than csv-parse: it parsed the 80,000-person benchmark file about four
 * times faster, and parsing was the largest part of an import's time in JavaScript.
 */
export async function* readStaffImportCsv(
  path: string,
  choice: StaffImportEncodingChoice,
  onEncoding: (encoding: StaffImportEncoding) => void,
): AsyncGenerator<CsvRow[]> {
  let parser: Papa.Parser | undefined;
  let pending = '';
  // The line the next record starts on: one per record, plus line breaks inside quotes.
  let line = 1;
  const take = (text: string, last: boolean): { rows: CsvRow[]; error?: StaffImportCsvError } => {
    const input = pending + text;
    const rows: CsvRow[] = [];
    if (input === '') return { rows };
    parser ??= new Papa.Parser({ delimiter: ',', quoteChar: '"', newline: lineBreakOf(input) });
    // Until the last chunk, the last record may be cut off: papaparse leaves it for the next.
    const result = parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
    const errorAt = new Map(result.errors.map((e) => [e.row ?? result.data.length, e]));
    // Most chunks decode cleanly: one search of the chunk spares a search of every field.
    const suspect = undecoded(input);
    for (const [index, values] of result.data.entries()) {
      const error = errorAt.get(index);
      if (error) return { rows, error: new StaffImportCsvError(line, csvMessage(error)) };
      // A blank line (papaparse gives one empty field) is skipped, but it is still a line.
      if (values.length > 1 || values[0] !== '') {
        rows.push({ line, values, garbled: suspect && values.some(undecoded) });
      }
      line += 1;
      for (const value of values) if (value.includes('\n')) line += value.split('\n').length - 1;
    }
    const trailing = result.errors.find((e) => (e.row ?? result.data.length) >= result.data.length);
    if (trailing) return { rows, error: new StaffImportCsvError(line, csvMessage(trailing)) };
    pending = last ? '' : input.slice(result.meta.cursor);
    if (pending.length > MAX_RECORD_CHARS) {
      const error = new StaffImportCsvError(
        line,
        `The CSV cannot be read: a record is longer than ${MAX_RECORD_CHARS} characters; is a quote left open?`,
      );
      return { rows, error };
    }
    return { rows };
  };
  const chunks = decode(createReadStream(path), choice, onEncoding);
  try {
    for (let next = await chunks.next(); ; next = await chunks.next()) {
      const { rows, error } = take(next.done ? '' : next.value, next.done === true);
      if (rows.length > 0) yield rows;
      if (error) throw error;
      if (next.done) return;
    }
  } finally {
    // Closes the file when the reader stops early (a problem, or a thrown error).
    await chunks.return(undefined);
  }
}

/** The file's line break, from its first line (papaparse's parser needs to be told it). */
function lineBreakOf(text: string): '\r\n' | '\n' {
  const end = text.indexOf('\n');
  return end > 0 && text[end - 1] === '\r' ? '\r\n' : '\n';
}

function csvMessage(error: Papa.ParseError): string {
  const what =
    error.code === 'MissingQuotes'
      ? 'a quoted field is never closed'
      : error.code === 'InvalidQuotes'
        ? 'a quote is in the wrong place (a quote inside a field is written twice: "")'
        : error.message;
  return `The CSV cannot be read: ${what}`;
}

async function* decode(
  source: AsyncIterable<Buffer>,
  choice: StaffImportEncodingChoice,
  onEncoding: (encoding: StaffImportEncoding) => void,
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
export function detectEncoding(sample: Buffer): StaffImportEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'cp932';
  }
}
