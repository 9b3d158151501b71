import type { TrainingSession } from '@kenshu/contracts';
import { Button } from '../../../components/button.tsx';
import { sessionTimeLabel } from '../../../lib/dates.ts';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import type { AttendanceSheet } from '../api/attendance-sheet.ts';
import { attendanceCsvUrl } from '../api/mark-attendance.ts';
import './attendance.css';

/** Blank rows at the end of the sheet, for people who come without a booking. */
export const BLANK_ROWS = 8;

export interface SignInSheetProps {
  session: TrainingSession;
  sheet: AttendanceSheet;
}

/**
 * The paper sign-in sheet: session, then one row per person with an empty signature box and
 * blank rows for walk-ins. On screen it has Print and CSV buttons; the print stylesheet leaves
 * out everything but the sheet.
 */
export function SignInSheet({ session, sheet }: SignInSheetProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const title = lang === 'en' ? session.course.titleEn : session.course.titleJa;
  const venue =
    session.venue ??
    (session.onlineUrl ? t('attendance.teaching.online') : t('attendance.teaching.noVenue'));
  const booked = sheet.entries.filter((e) => e.booked).length;
  return (
    <article className="sign-in-sheet">
      <div className="sign-in-sheet__tools">
        <p className="muted">{t('attendance.print.hint')}</p>
        <div className="sign-in-sheet__buttons">
          <Button variant="primary" onPress={() => window.print()}>
            {t('attendance.print.print')}
          </Button>
          <a
            className="button button--secondary"
            href={attendanceCsvUrl(sheet.sessionId, lang)}
            download
          >
            {t('attendance.sheet.csv')}
          </a>
        </div>
      </div>
      <header className="sign-in-sheet__header">
        <p className="sign-in-sheet__kind">{t('attendance.print.heading')}</p>
        <h2 className="sign-in-sheet__title">
          {session.course.code} {title}
        </h2>
        <dl className="sign-in-sheet__facts">
          <div>
            <dt>{t('attendance.print.when')}</dt>
            <dd>{sessionTimeLabel(session.startsAt, session.endsAt, lang)}</dd>
          </div>
          <div>
            <dt>{t('attendance.print.where')}</dt>
            <dd>{venue}</dd>
          </div>
          {session.trainers.length > 0 ? (
            <div>
              <dt>{t('attendance.print.trainers')}</dt>
              <dd>{session.trainers.map((tr) => tr.name).join('、')}</dd>
            </div>
          ) : null}
        </dl>
        <p className="sign-in-sheet__count">{t('attendance.print.booked', { count: booked })}</p>
      </header>
      {/* On a phone the table scrolls sideways inside this frame, which keyboards can scroll too. */}
      <div
        className="sign-in-table-frame"
        role="region"
        aria-label={t('attendance.print.title')}
        tabIndex={0}
      >
        <table className="sign-in-table">
          <thead>
            <tr>
              <th scope="col" className="sign-in-table__no">
                {t('attendance.print.no')}
              </th>
              <th scope="col">{t('attendance.print.name')}</th>
              <th scope="col">{t('attendance.print.kana')}</th>
              <th scope="col">{t('attendance.print.unit')}</th>
              <th scope="col" className="sign-in-table__signature">
                {t('attendance.print.signature')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sheet.entries.map((entry, index) => (
              <tr key={entry.staffId}>
                <td className="sign-in-table__no">{index + 1}</td>
                <td>
                  {entry.name}
                  <span className="sign-in-table__staff-number">{entry.staffNumber}</span>
                </td>
                <td>{entry.nameKana}</td>
                <td>{localName({ nameJa: entry.unitJa, nameEn: entry.unitEn }, lang)}</td>
                <td className="sign-in-table__signature" />
              </tr>
            ))}
            {Array.from({ length: BLANK_ROWS }, (_, i) => (
              <tr key={`blank-${i}`} className="sign-in-table__blank">
                <td className="sign-in-table__no">{sheet.entries.length + i + 1}</td>
                <td />
                <td />
                <td />
                <td className="sign-in-table__signature" />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
