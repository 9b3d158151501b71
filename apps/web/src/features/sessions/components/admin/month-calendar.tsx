import type { TrainingSession } from '@kenshu/contracts';
import { addDays, tokyoDateOf, weekdayOf } from '@kenshu/domain';
import { Button } from '../../../../components/button.tsx';
import { Link } from '../../../../components/link.tsx';
import { formatDate, tokyoTime } from '../../../../lib/dates.ts';
import { INTL_LOCALES, useLanguage, useTranslation } from '../../../../lib/i18n.ts';
import { useHolidays } from '../../api/schedule.ts';
import { monthLabel } from '../../utils/session-time.ts';
import '../sessions.css';

/** The month before or after 'YYYY-MM'. */
export function shiftMonth(month: string, by: number): string {
  const [y = 1970, m = 1] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The days shown for a month: whole weeks from Sunday to Saturday, blanks outside the month. */
export function calendarDays(month: string): (string | null)[] {
  const first = `${month}-01`;
  const next = `${shiftMonth(month, 1)}-01`;
  const days: (string | null)[] = Array.from({ length: weekdayOf(first) }, () => null);
  for (let d = first; d < next; d = addDays(d, 1)) days.push(d);
  while (days.length % 7 !== 0) days.push(null);
  return days;
}

const SUNDAY = '2026-11-01';

/**
 * A month as a grid of weeks, each session a chip (time, course code and title) that opens it;
 * national holidays are marked with their name. It reads as a list of days to screen readers: the
 * grid is only the visual arrangement.
 */
export function MonthCalendar({
  month,
  sessions,
  onMonthChange,
}: {
  month: string;
  sessions: readonly TrainingSession[];
  onMonthChange: (month: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const holidays = new Map((useHolidays(month).data ?? []).map((h) => [h.date, h]));
  const byDay = new Map<string, TrainingSession[]>();
  for (const s of sessions) {
    const day = tokyoDateOf(new Date(s.startsAt));
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const weekday = new Intl.DateTimeFormat(INTL_LOCALES[lang], {
    weekday: 'short',
    timeZone: 'UTC',
  });
  return (
    <div className="month-calendar">
      <div className="month-calendar__nav">
        <Button onPress={() => onMonthChange(shiftMonth(month, -1))}>
          {t('sessions.calendar.previous')}
        </Button>
        <h2 className="month-calendar__title" aria-live="polite">
          {monthLabel(month, lang)}
        </h2>
        <Button onPress={() => onMonthChange(shiftMonth(month, 1))}>
          {t('sessions.calendar.next')}
        </Button>
      </div>
      <div className="month-calendar__weekdays" aria-hidden="true">
        {Array.from({ length: 7 }, (_, i) => (
          <span key={i}>{weekday.format(new Date(`${addDays(SUNDAY, i)}T00:00:00Z`))}</span>
        ))}
      </div>
      <ol className="month-calendar__grid">
        {calendarDays(month).map((day, i) => {
          if (!day)
            return <li key={`blank-${i}`} className="month-calendar__blank" aria-hidden="true" />;
          const items = byDay.get(day) ?? [];
          const holiday = holidays.get(day);
          const classes = ['month-calendar__day'];
          if (weekdayOf(day) === 0 || weekdayOf(day) === 6)
            classes.push('month-calendar__day--weekend');
          if (holiday) classes.push('month-calendar__day--holiday');
          if (items.length === 0) classes.push('month-calendar__day--empty');
          return (
            <li key={day} className={classes.join(' ')}>
              <span className="month-calendar__date" aria-hidden="true">
                {Number(day.slice(8))}
              </span>
              {/* Read instead of the number; on phones, where days are a list, also shown. */}
              <span className="month-calendar__full-date">
                {formatDate(day, lang)}
                {items.length === 0 ? ` ${t('sessions.calendar.noSessions')}` : ''}
              </span>
              {holiday ? (
                <span className="month-calendar__holiday">
                  {t('scheduling.holidayMark', {
                    name: lang === 'en' ? holiday.nameEn : holiday.nameJa,
                  })}
                </span>
              ) : null}
              {items.length > 0 ? (
                <ul className="month-calendar__chips">
                  {items.map((s) => (
                    <li key={s.id}>
                      <Link
                        to="/admin/sessions/$sessionId"
                        params={{ sessionId: String(s.id) }}
                        className={
                          s.status === 'cancelled'
                            ? 'session-chip session-chip--cancelled'
                            : s.seatsLeft === 0
                              ? 'session-chip session-chip--full'
                              : 'session-chip'
                        }
                      >
                        {tokyoTime(s.startsAt, lang)} {s.course.code}{' '}
                        <span className="session-chip__title">
                          {lang === 'en' ? s.course.titleEn : s.course.titleJa}
                        </span>
                        {s.status === 'cancelled' ? (
                          <span className="visually-hidden">
                            {' '}
                            {t('sessions.admin.status.cancelled')}
                          </span>
                        ) : s.seatsLeft === 0 ? (
                          <span className="visually-hidden"> {t('sessions.card.full')}</span>
                        ) : null}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
