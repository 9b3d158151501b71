import {
  makeConfirmedBookings,
  makeCourse,
  makeOrgUnit,
  makeSession,
  makeStaff,
} from '@kenshu/db/testing';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { attendanceOf } from '../support/attendance.ts';
import { makePerson, signedInAs, type SignedInClient } from '../support/auth.ts';
import { okBody, typedApi } from '../support/typed-api.ts';

/**
 * Every CSV the app writes, downloaded and read back cell for cell: text that a spreadsheet
 * would run as a formula comes out with a leading apostrophe (OWASP's advice), in both
 * languages of the attendance export and in the audit export.
 */
const t = useTestApp();

const HYPERLINK = '=HYPERLINK("http://x","y")';
const CMD = "=cmd|' /C calc'!A0";
const ACTOR = '-1+1 三郎';

/** Downloads a CSV and parses it back: the BOM first, then rows of cells. */
async function download(call: Promise<Response>): Promise<string[][]> {
  const res = await call;
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** A session's attendance sheet as CSV, in this language, as its trainer downloads it. */
function attendanceCsv(trainer: SignedInClient, sessionId: number, lang: 'ja' | 'en') {
  return download(
    typedApi(t.app, trainer).sessions[':id']['attendance.csv'].$get({
      param: { id: String(sessionId) },
      query: { lang },
    }),
  );
}

/** The audit log's entries by one actor as CSV, as an admin downloads it. */
function auditCsv(admin: SignedInClient, actorStaffNumber: string) {
  return download(
    typedApi(t.app, admin)['audit-log']['export.csv'].$get({ query: { actorStaffNumber } }),
  );
}

/** A session under way taught by `-1+1 三郎`, with `=HYPERLINK(…)` booked and marked with `=cmd…`. */
async function hostileSession() {
  const course = await makeCourse(t.db);
  const trainerStaff = await makePerson(t.db, ['trainer'], {
    family_name: '-1+1',
    given_name: '三郎',
  });
  const session = await makeSession(t.db, {
    courseId: course.id,
    startsInHours: -1,
    cutoffInHours: -25,
    opensInHours: -500,
    trainerIds: [trainerStaff.id],
  });
  const learner = await makeStaff(t.db, {
    org_unit_id: (await makeOrgUnit(t.db)).id,
    family_name: HYPERLINK,
    given_name: '',
    family_name_kana: '+81',
    given_name_kana: '@x',
  });
  await makeConfirmedBookings(t.db, session, [learner.id]);
  const trainer = await signedInAs(t.app, t.db, trainerStaff.id);
  await okBody(
    attendanceOf(t.app, trainer, session.id).mark([
      { staffId: learner.id, mark: 'present', note: CMD },
    ]),
    200,
  );
  return { session, learner, trainer, trainerStaff };
}

describe('CSV exports neutralise formulas', () => {
  it.each(['ja', 'en'] as const)(
    'the attendance export (%s): a name on the attendance sheet and a trainer note',
    async (lang) => {
      const { session, learner, trainer } = await hostileSession();
      const rows = await attendanceCsv(trainer, session.id, lang);
      const [header, row] = rows;
      expect(header?.[0]).toBe(lang === 'ja' ? '職員番号' : 'Staff number');
      expect(rows).toHaveLength(2);
      expect(row?.[0]).toBe(learner.staff_number);
      // The name cell is "=HYPERLINK(…) " (family name, space, empty given name).
      expect(row?.[1]).toBe(`'${HYPERLINK} `);
      expect(row?.[2]).toBe("'+81 @x");
      expect(row?.[7]).toBe(`'${CMD}`);
      for (const cell of row ?? []) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    },
  );

  it('the audit export: an actor name', async () => {
    const { session, trainerStaff } = await hostileSession();
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const rows = await auditCsv(admin, trainerStaff.staff_number);
    const [header, ...entries] = rows;
    const actorName = header?.indexOf('actor_name') ?? -1;
    expect(actorName).toBeGreaterThan(0);
    const marked = entries.find((r) => r.includes('attendance.marked'));
    expect(marked?.[actorName]).toBe(`'${ACTOR}`);
    expect(marked?.[header?.indexOf('target_id') ?? -1]).toBe(String(session.id));
    // The note travels inside the JSON of the change, which starts with "{" and stays inert.
    expect(marked?.join('\n')).toContain(JSON.stringify(CMD).slice(1, -1));
    for (const row of entries) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('CSV exports write times in Tokyo, with the offset', () => {
  it('gives a 04:59 check-in in Tokyo as 04:59+09:00, and every audit time likewise', async () => {
    const { session, learner, trainer, trainerStaff } = await hostileSession();
    await t.db
      .updateTable('attendance')
      .set({ checked_in_at: new Date('2026-12-05T19:59:56Z') })
      .where('session_id', '=', session.id)
      .where('staff_id', '=', learner.id)
      .execute();
    for (const lang of ['ja', 'en'] as const) {
      const [, row] = await attendanceCsv(trainer, session.id, lang);
      expect(row?.[6]).toBe('2026-12-06T04:59:56+09:00');
    }
    const admin = await signedInAs(t.app, t.db, (await makePerson(t.db, ['admin'])).id);
    const [header, ...entries] = await auditCsv(admin, trainerStaff.staff_number);
    const atColumn = header?.indexOf('at') ?? -1;
    expect(entries.length).toBeGreaterThan(0);
    for (const row of entries)
      expect(row[atColumn]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
  });
});
