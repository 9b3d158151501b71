import type { Course, StaffMember, TrainingRecord, TrainingSession } from '@kenshu/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderWithProviders } from '../../../testing/test-utils.tsx';
import { SessionFinder } from './session-finder.tsx';

const DAY = 24 * 3600_000;

function session(id: number, courseId: number, inDays: number): TrainingSession {
  const startsAt = new Date(Date.now() + inDays * DAY);
  return {
    id,
    course: {
      id: courseId,
      code: `C${courseId}`,
      titleJa: `研修${courseId}`,
      titleEn: `C${courseId}`,
    },
    fiscalYear: 2026,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    venue: '本省 第1会議室',
    onlineUrl: null,
    capacity: 20,
    seatsTaken: 1,
    seatsLeft: 19,
    waitingCount: 0,
    bookingOpensAt: new Date(Date.now() - DAY).toISOString(),
    bookingCutoffAt: new Date(startsAt.getTime() - DAY).toISOString(),
    minAttendance: null,
    status: 'scheduled',
    phase: 'scheduled',
    finalisedAt: null,
    cancelReason: null,
    recordedReason: null,
    trainers: [],
    bookable: true,
    myPlace: null,
  };
}

const COURSE: Course = {
  id: 3,
  code: 'C3',
  titleJa: '研修3',
  titleEn: 'C3',
  descriptionJa: '',
  descriptionEn: '',
  audience: { kind: 'all_staff' },
  completionModes: 'group_session',
  recurrence: 'yearly',
  active: true,
  excusedGetELearning: true,
  publishedAt: '2026-04-01T00:00:00.000Z',
};

const HELD = session(11, 3, 10);
const OTHER = session(12, 3, 11);
const NOT_THEIRS = session(13, 4, 12);

const PERSON: StaffMember = {
  id: 77,
  staffNumber: 'S0077',
  familyName: '代理',
  givenName: '花子',
  familyNameKana: 'だいり',
  givenNameKana: 'はなこ',
  email: 's0077@example.jp',
  orgUnit: { id: 5, code: 'U5', nameJa: '総務課', nameEn: 'General Affairs' },
  employmentType: 'regular',
  active: true,
  locale: 'ja',
  roles: [],
};

/** Their record: a seat on HELD for course 3; course 4 is not theirs. */
const RECORD: TrainingRecord = {
  staffId: PERSON.id,
  fiscalYear: 2026,
  items: [
    {
      course: COURSE,
      required: true,
      status: 'booked',
      completion: null,
      booking: {
        id: 500,
        sessionId: HELD.id,
        status: 'confirmed',
        waitlistPosition: null,
        startsAt: HELD.startsAt,
        endsAt: HELD.endsAt,
        venue: HELD.venue,
        onlineUrl: null,
        bookingCutoffAt: HELD.bookingCutoffAt,
        canCancel: true,
      },
      waits: [],
      pastSession: null,
      eLearningModuleId: null,
      assignment: null,
    },
  ],
};

// jsdom has no CSS.escape, which react-aria's dialogs use when they open.
beforeEach(() => {
  vi.stubGlobal('CSS', { escape: (value: string) => value, supports: () => false });
});

describe('booking for someone in the session finder', () => {
  it("shows the chosen person's seat and offers to move it, never a second seat", async () => {
    const fetchMock = mockApi({
      '/api/sessions': () => ({ body: { items: [HELD, OTHER, NOT_THEIRS] } }),
      '/api/staff': () => ({ body: { items: [PERSON], total: 1 } }),
      [`/api/staff/${PERSON.id}/training`]: () => ({ body: RECORD }),
    });
    renderWithProviders(
      <SessionFinder
        value={{}}
        onChange={() => undefined}
        courses={[]}
        months={[]}
        canBookForOthers
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'ほかの職員の予約をする' }));
    fireEvent.change(screen.getByRole('searchbox', { name: '予約する職員を検索' }), {
      target: { value: 'S0077' },
    });
    // The picker searches after a pause in typing: on a busy machine that takes more than a second.
    fireEvent.click(
      await screen.findByRole('button', { name: '代理 花子さんを選択' }, { timeout: 15_000 }),
    );
    await screen.findByText('代理 花子さんの予約をしています（すべての日程を表示）。', undefined, {
      timeout: 15_000,
    });

    const cards = await screen.findAllByRole('article');
    const [held, other, notTheirs] = cards.map((card) => within(card));
    expect(held?.getByText('予約済み')).toBeTruthy();
    expect(held?.getByRole('button', { name: '予約を取り消す' })).toBeTruthy();
    expect(held?.queryByRole('link', { name: 'カレンダーに追加' })).toBeNull();
    expect(other?.getByRole('button', { name: 'この回に変更' })).toBeTruthy();
    expect(notTheirs?.getByText('この研修は代理 花子さんの受講対象ではありません。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '代理 花子さんを予約' })).toBeNull();

    // The move goes to their booking, not to a new one.
    fireEvent.click(other?.getByRole('button', { name: 'この回に変更' }) as HTMLElement);
    const dialog = await screen.findByRole('alertdialog', {
      name: '代理 花子さんの予約を変更しますか？',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '変更する' }));
    await vi.waitFor(() =>
      expect(
        fetchMock.mock.calls.some(([input]) =>
          String(input instanceof Request ? input.url : input).includes('/api/bookings/500/move'),
        ),
      ).toBe(true),
    );
  }, 30_000);
});
