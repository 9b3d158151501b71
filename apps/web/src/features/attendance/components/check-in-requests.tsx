import { Heading } from 'react-aria-components';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { tokyoDayTime } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import type { AttendanceSheet } from '../api/attendance-sheet.ts';
import { useDecideCheckInRequest } from '../api/mark-attendance.ts';
import { useAttendanceErrorMessage } from '../utils/error-message.ts';

export interface CheckInRequestsProps {
  sheet: AttendanceSheet;
  canMark: boolean;
  /** Runs the action with the admin's reason when one is due (after the lock). */
  withReason: (action: (reason: string | undefined) => void) => void;
  onDone: (message: string) => void;
  onFailure: (message: string) => void;
}

/**
 * Self check-ins from people without a booking wait here for the trainer: accepted, the person
 * is present as a walk-in; rejected, nothing is recorded. Below, who typed wrong codes, and who
 * has used up their tries (the trainer marks them by hand).
 */
export function CheckInRequests({
  sheet,
  canMark,
  withReason,
  onDone,
  onFailure,
}: CheckInRequestsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const errorMessage = useAttendanceErrorMessage();
  const decide = useDecideCheckInRequest(sheet.sessionId);
  if (sheet.checkInRequests.length === 0 && sheet.checkInAttempts.length === 0) return null;

  const run = (staffId: number, name: string, decision: 'accept' | 'reject') =>
    withReason((reason) =>
      decide.mutate(
        { sessionId: sheet.sessionId, staffId, decision, reason },
        {
          onSuccess: () =>
            onDone(
              t(
                decision === 'accept'
                  ? 'attendance.requests.accepted'
                  : 'attendance.requests.rejected',
                { name },
              ),
            ),
          onError: (error) => onFailure(errorMessage(error)),
        },
      ),
    );

  return (
    <section className="check-in-requests" aria-labelledby="check-in-requests-title">
      <Heading level={2} id="check-in-requests-title" className="check-in-requests__title">
        {t('attendance.requests.title')}
      </Heading>
      {sheet.checkInRequests.length > 0 ? (
        <>
          <p className="muted">{t('attendance.requests.body')}</p>
          <ul className="attendance-list" aria-label={t('attendance.requests.list')}>
            {sheet.checkInRequests.map((r) => (
              <li key={r.staffId} className="attendance-row check-in-request">
                <div>
                  <p className="attendance-row__name">
                    {r.name} <span className="muted">{r.nameKana}</span>
                  </p>
                  <p className="muted">
                    {r.staffNumber} · {lang === 'en' ? r.unitEn : r.unitJa} ·{' '}
                    {t('attendance.requests.at', { time: tokyoDayTime(r.requestedAt, lang) })}
                  </p>
                </div>
                {r.status === 'pending' ? (
                  <div className="check-in-request__actions" role="group" aria-label={r.name}>
                    <Button
                      variant="primary"
                      isDisabled={!canMark || decide.isPending}
                      onPress={() => run(r.staffId, r.name, 'accept')}
                    >
                      {t('attendance.requests.accept')}
                    </Button>
                    <Button
                      isDisabled={!canMark || decide.isPending}
                      onPress={() => run(r.staffId, r.name, 'reject')}
                    >
                      {t('attendance.requests.reject')}
                    </Button>
                  </div>
                ) : (
                  <Badge>{t(`attendance.requests.status.${r.status}`)}</Badge>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {sheet.checkInAttempts.length > 0 ? (
        <>
          <p className="muted">
            {t('attendance.requests.attemptsBody', { limit: sheet.wrongCodeLimit })}
          </p>
          <ul className="check-in-attempts" aria-label={t('attendance.requests.attempts')}>
            {sheet.checkInAttempts.map((a) => (
              <li key={a.staffId}>
                {t('attendance.requests.attempt', {
                  name: a.name,
                  number: a.staffNumber,
                  count: a.wrongCodes,
                })}{' '}
                {a.locked ? <Badge>{t('attendance.requests.locked')}</Badge> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
