// @vitest-environment node
// Reads the source tree, so it runs in Node rather than in the web project's jsdom.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTIONS, isAuditAction } from '@kenshu/domain';
import { describe, expect, it } from 'vitest';
import { actionLabel } from './labels.ts';

const ROOT = fileURLToPath(new URL('../../../../../../', import.meta.url));
/** Where audit rows are written: the API's services and jobs, and the data layer. */
const SOURCES = ['apps/api/src', 'packages/db/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The text of the call's arguments that starts at `open` (the opening parenthesis). */
function argumentsAt(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(open + 1, i);
  }
  return source.slice(open + 1);
}

/** Every action code written by an `insertAudit(…)` call in the source, with where it is. */
function writtenActionCodes(): { code: string; file: string }[] {
  const found: { code: string; file: string }[] = [];
  for (const file of SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
    const source = readFileSync(file, 'utf8');
    for (const call of source.matchAll(/insertAudit\s*\(/g)) {
      const args = argumentsAt(source, call.index + call[0].length - 1);
      // The action's expression runs to the next property (or the object's end): a literal, or a
      // choice of literals over several lines. Codes are dotted; other literals are conditions.
      for (const action of args.matchAll(
        /\baction:\s*([\s\S]*?),?\s*\n\s*(?:[A-Za-z]+\s*[:,]|\})/g,
      )) {
        for (const literal of (action[1] ?? '').matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) {
          found.push({ code: literal[1] ?? '', file: file.slice(ROOT.length) });
        }
      }
    }
  }
  return found;
}

describe('audit-log labels', () => {
  it('name every action code in Japanese and in English', () => {
    const unlabelled = AUDIT_ACTIONS.filter(
      (code) => !actionLabel(code, 'ja')?.trim() || !actionLabel(code, 'en')?.trim(),
    );
    expect(unlabelled).toEqual([]);
    // Japanese labels are Japanese, not the English copied over.
    const untranslated = AUDIT_ACTIONS.filter(
      (code) => !/[\u3040-\u30ff\u4e00-\u9fff]/.test(actionLabel(code, 'ja') ?? ''),
    );
    expect(untranslated).toEqual([]);
  });

  it('cover every action code the API writes', () => {
    const written = writtenActionCodes();
    // The scan must see the writers at all, or it would pass by finding nothing.
    expect(written.length).toBeGreaterThan(25);
    expect(written.map((w) => w.code)).toContain('booking.created_on_behalf');
    const unknown = written.filter((w) => !isAuditAction(w.code));
    expect(unknown).toEqual([]);
    const unlabelled = written.filter(
      (w) => !actionLabel(w.code, 'ja') || !actionLabel(w.code, 'en'),
    );
    expect(unlabelled).toEqual([]);
  });

  it('have no audit row written around the repository', () => {
    const direct = SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => !file.endsWith('repositories/audit-log.ts'))
      .filter((file) => !file.includes('/migrations/'))
      .filter((file) => /insertInto\(\s*'audit_log'/.test(readFileSync(file, 'utf8')));
    expect(direct).toEqual([]);
  });
});
