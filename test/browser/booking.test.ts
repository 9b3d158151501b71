import { DEMO_ACCOUNTS, DEMO_COURSES, seedDemo } from '@kenshu/db';
import { makeCourse, makeOrgUnit, makeSession } from '@kenshu/db/testing';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makePerson, signedInAs } from '../support/auth.ts';
import { accessibilityViolations, useBrowserApp } from '../support/browser.ts';
import { useTestDatabase } from '../support/database.ts';

const database = useTestDatabase();
const app = useBrowserApp(database, (db) => seedDemo(db.db));

async function securityCourseId(): Promise<number> {
  const course = await database.current.db
    .selectFrom('course')
    .select('id')
    .where('code', '=', DEMO_COURSES.security)
    .executeTakeFirstOrThrow();
  return course.id;
}

/** The card (on My training) of the course with this title. */
function requirement(page: Page, title: string): Locator {
  return page.getByRole('article', { name: title });
}

describe('booking from the session finder', () => {
  it('books a seat, shows it in My training, moves it, and cancels it', async () => {
    // S0001 has no booking in the demo data.
    const page = await app.signedInPage(DEMO_ACCOUNTS.staff);
    await page.goto(app.url(`/my-training`));
    const security = requirement(page, '情報セキュリティ研修');
    await security.getByText('未受講').waitFor();

    // The next step is one button: find a session of this course.
    await security.getByRole('link', { name: '日程を探す' }).click();
    await page.getByRole('heading', { level: 1, name: '研修日程を探す' }).waitFor();
    expect(new URL(page.url()).searchParams.get('course')).toBe(String(await securityCourseId()));

    const firstOpen = page
      .getByRole('article')
      .filter({ has: page.getByRole('button', { name: '予約する' }) })
      .first();
    const when = await firstOpen.getByRole('heading').textContent();
    await firstOpen.getByRole('button', { name: '予約する' }).click();
    const booked = page.getByRole('article', { name: when ?? '' });
    await booked.getByRole('status').filter({ hasText: '予約しました。' }).waitFor();
    await booked.getByText('予約済み', { exact: true }).waitFor();
    await booked.getByRole('link', { name: 'カレンダーに追加' }).waitFor();

    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '私の研修' })
      .click();
    await security.getByText('予約済み', { exact: true }).waitFor();
    await security.getByText(when?.split(' ')[0] ?? '').waitFor();

    // Move to another session of the course, in one step.
    await security.getByRole('link', { name: '別の回に変更' }).click();
    const other = page
      .getByRole('article')
      .filter({ has: page.getByRole('button', { name: 'この回に変更' }) })
      .first();
    const otherWhen = (await other.getByRole('heading').textContent()) ?? '';
    await other.getByRole('button', { name: 'この回に変更' }).click();
    const dialog = page.getByRole('alertdialog', { name: '予約を変更しますか？' });
    await dialog.getByRole('button', { name: '変更する' }).click();
    await dialog.waitFor({ state: 'detached' });
    const moved = page.getByRole('article', { name: otherWhen });
    await moved.getByText('予約済み', { exact: true }).waitFor();
    await page
      .getByRole('article', { name: when ?? '' })
      .getByRole('button', { name: 'この回に変更' })
      .waitFor();

    // Cancel: asked first, then the seat is free again.
    await moved.getByRole('button', { name: '予約を取り消す' }).click();
    const confirm = page.getByRole('alertdialog', { name: '予約を取り消しますか？' });
    await confirm.getByRole('button', { name: '取り消す' }).click();
    await confirm.waitFor({ state: 'detached' });
    await moved.getByRole('button', { name: '予約する' }).waitFor();

    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '私の研修' })
      .click();
    await security.getByText('未受講').waitFor();
    await page.context().close();
  });

  it('shows an API refusal as a translated message', async () => {
    // A second person books the same course twice from two tabs: the second tab is stale.
    const person = await makePerson(database.current.db);
    const page = await app.signedInPage(person.staff_number);
    await page.goto(app.url(`/sessions?course=${await securityCourseId()}`));
    const open = page
      .getByRole('article')
      .filter({ has: page.getByRole('button', { name: '予約する' }) });
    await open.first().waitFor();
    const second = open.nth(1);
    const secondWhen = (await second.getByRole('heading').textContent()) ?? '';
    const me = await signedInAs(app.running.app, database.current.db, person.id);
    const firstId = await database.current.db
      .selectFrom('training_session')
      .select('id')
      .where('course_id', '=', await securityCourseId())
      .where('starts_at', '>', new Date())
      .where('capacity', '>', 5)
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    expect((await me.json('/api/bookings', { sessionId: firstId.id })).status).toBe(201);

    const card = page.getByRole('article', { name: secondWhen });
    await card.getByRole('button', { name: '予約する' }).click();
    await card.getByRole('alert').filter({ hasText: 'この研修はすでに予約しています' }).waitFor();
    await page.context().close();
  });
});

describe('booking for someone', () => {
  it("shows the chosen person's seat, moves it for them, and offers no second seat", async () => {
    const db = database.current.db;
    const course = await makeCourse(db, { completion_modes: 'group_session' });
    const held = await makeSession(db, { courseId: course.id, startsInHours: 240 });
    const other = await makeSession(db, { courseId: course.id, startsInHours: 264 });
    const division = await makeOrgUnit(db, { kind: 'division' });
    const head = await makePerson(db, ['section_head'], { org_unit_id: division.id });
    const person = await makePerson(db, [], {
      org_unit_id: division.id,
      family_name: '代理',
      given_name: '花子',
    });
    const own = await signedInAs(app.running.app, db, person.id);
    const seat = await (await own.json('/api/bookings', { sessionId: held.id })).json();

    const page = await app.signedInPage(head.staff_number);
    await page.goto(app.url(`/sessions?course=${course.id}`));
    await page.getByRole('button', { name: 'ほかの職員の予約をする' }).click();
    await page.getByRole('searchbox', { name: '予約する職員を検索' }).fill(person.staff_number);
    await page.getByRole('button', { name: '代理 花子さんを選択' }).click();
    await page.getByRole('status').filter({ hasText: '代理 花子さんの予約をしています' }).waitFor();

    // Their seat shows as mine would, with what a booker may do; no card offers a second seat.
    const heldCard = page.getByRole('article').filter({ hasText: '予約済み' });
    await heldCard.getByRole('button', { name: '予約を取り消す' }).waitFor();
    expect(await heldCard.count()).toBe(1);
    expect(await heldCard.getByRole('link', { name: 'カレンダーに追加' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '代理 花子さんを予約' }).count()).toBe(0);

    const otherCard = page
      .getByRole('article')
      .filter({ has: page.getByRole('button', { name: 'この回に変更' }) });
    const otherWhen = (await otherCard.getByRole('heading').textContent()) ?? '';
    await otherCard.getByRole('button', { name: 'この回に変更' }).click();
    const dialog = page.getByRole('alertdialog', { name: '代理 花子さんの予約を変更しますか？' });
    await dialog.getByRole('button', { name: '変更する' }).click();
    await dialog.waitFor({ state: 'detached' });
    const moved = page.getByRole('article', { name: otherWhen });
    await moved
      .getByRole('status')
      .filter({ hasText: '代理 花子さんの予約をこの回に変更しました。' })
      .waitFor();
    await moved.getByText('予約済み', { exact: true }).waitFor();
    await page
      .getByRole('article')
      .filter({ hasNotText: otherWhen })
      .getByRole('button', { name: 'この回に変更' })
      .waitFor();
    const bookings = await db
      .selectFrom('booking')
      .select(['session_id', 'status'])
      .where('staff_id', '=', person.id)
      .where('status', '!=', 'cancelled')
      .execute();
    expect(bookings).toEqual([{ session_id: other.id, status: 'confirmed' }]);
    expect(seat.sessionId).toBe(held.id);

    // Back to my own bookings: the cards show my places again (I hold none on this course).
    await page.getByRole('button', { name: '自分の予約に戻る' }).click();
    await moved.getByRole('button', { name: '予約する' }).waitFor();
    expect(await page.getByText('予約済み', { exact: true }).count()).toBe(0);
    await page.context().close();
  });
});

describe('the waitlist', () => {
  it('joins the waitlist of a full session and is promoted when someone cancels', async () => {
    const db = database.current.db;
    const course = await makeCourse(db, { completion_modes: 'group_session' });
    const session = await makeSession(db, { courseId: course.id, capacity: 1 });
    const holder = await signedInAs(app.running.app, db, (await makePerson(db)).id);
    const seat = await (await holder.json('/api/bookings', { sessionId: session.id })).json();
    expect(seat.status).toBe('confirmed');

    const waiter = await makePerson(db);
    const page = await app.signedInPage(waiter.staff_number);
    await page.goto(app.url(`/sessions?course=${course.id}`));
    const card = page.getByRole('article').first();
    await card.getByText('満席').waitFor();
    await card.getByRole('button', { name: 'キャンセル待ちに登録' }).click();
    await card
      .getByRole('status')
      .filter({ hasText: 'キャンセル待ち 1番目に登録しました。' })
      .waitFor();
    await card.getByText('キャンセル待ち 1番目').first().waitFor();

    await page.goto(app.url(`/my-training`));
    const mine = requirement(page, course.title_ja);
    await mine.getByText('キャンセル待ち 1番目', { exact: true }).waitFor();
    await mine.getByRole('button', { name: 'キャンセル待ちをやめる' }).waitFor();

    // The person holding the seat cancels (through the API, as another browser would).
    expect((await holder.json(`/api/bookings/${seat.id}/cancel`, {})).status).toBe(200);

    await page.reload();
    await mine.getByText('予約済み', { exact: true }).waitFor();
    await mine.getByRole('link', { name: 'カレンダーに追加' }).waitFor();
    const notifications = page.getByRole('region', { name: 'お知らせ' });
    // The notice carries the catalogue's subject, naming the course.
    await notifications
      .getByText(`【研修】席が空き、予約が確定しました: ${course.title_ja}`)
      .waitFor();
    // Unread: the waitlist confirmation and the promotion. Reading one leaves the other.
    await page.getByRole('link', { name: '未読のお知らせ 2件' }).waitFor();
    await notifications
      .getByRole('button', { name: /^既読にする/ })
      .first()
      .click();
    await page.getByRole('link', { name: '未読のお知らせ 1件' }).waitFor();
    await page.context().close();
  });
});

describe('accessibility', () => {
  it('has no violations axe can find on My training and the finder', async () => {
    const page = await app.signedInPage(DEMO_ACCOUNTS.staff);
    await page.goto(app.url(`/my-training`));
    await requirement(page, '情報セキュリティ研修').waitFor();
    await page.getByRole('region', { name: 'お知らせ' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(app.url(`/sessions?course=${await securityCourseId()}`));
    await page.getByRole('article').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find a session' }).waitFor();
    await page.getByRole('article').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
