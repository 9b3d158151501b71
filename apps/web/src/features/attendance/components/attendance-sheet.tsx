import { useId, useMemo, useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { SearchField } from '../../../components/search-field.tsx';
import { tokyoDayTime } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useAttendanceSheet, type AttendanceSheet } from '../api/attendance-sheet.ts';
import { attendanceCsvUrl, usePendingMarks } from '../api/mark-attendance.ts';
import { useCheckInAnnouncements } from '../hooks/use-check-in-announcements.ts';
import { useLateChangeReason } from '../hooks/use-late-change-reason.ts';
import { useSheetActions } from '../hooks/use-sheet-actions.ts';
import {
  countMarks,
  matchesSearch,
  MARKS,
  withPendingMarks,
  type ShownEntry,
} from '../utils/sheet.ts';
import { AttendanceRow } from './attendance-row.tsx';
import { CheckInCodePanel } from './check-in-code-panel.tsx';
import { CheckInRequests } from './check-in-requests.tsx';
import { NoteDialog } from './note-dialog.tsx';
import { ReasonDialog } from './reason-dialog.tsx';
import { SessionPageLink } from './session-page-link.tsx';
import { MarkAllDialog, SubmitDialog } from './sheet-action-dialogs.tsx';
import { SheetBanner } from './sheet-banner.tsx';
import { WalkInDialog } from './walk-in-dialog.tsx';
import './attendance.css';

export interface AttendanceSheetViewProps {
  sessionId: number;
  /** Admins may mark at any time, but after the lock only with a reason. */
  isAdmin: boolean;
  /** The session was cancelled: nothing to mark. */
  isCancelled?: boolean;
}

/**
 * The trainer's attendance sheet for one session, phone first: counts, search, one tap per person.
 */
export function AttendanceSheetView({
  sessionId,
  isAdmin,
  isCancelled = false,
}: AttendanceSheetViewProps) {
  const [showCode, setShowCode] = useState(false);
  // While the code is on show, self check-ins arrive: refetch so they appear as they come.
  const sheet = useAttendanceSheet(sessionId, { live: showCode });
  return (
    <QueryState query={sheet}>
      {(data) => (
        <SheetBody
          sheet={data}
          isAdmin={isAdmin}
          isCancelled={isCancelled}
          showCode={showCode}
          onShowCodeChange={setShowCode}
        />
      )}
    </QueryState>
  );
}

interface SheetBodyProps {
  sheet: AttendanceSheet;
  isAdmin: boolean;
  isCancelled: boolean;
  showCode: boolean;
  onShowCodeChange: (show: boolean) => void;
}

function SheetBody({ sheet, isAdmin, isCancelled, showCode, onShowCodeChange }: SheetBodyProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const sessionId = sheet.sessionId;

  const pending = usePendingMarks(sessionId);
  const entries = useMemo(() => withPendingMarks(sheet.entries, pending), [sheet.entries, pending]);
  const counts = countMarks(entries);
  const [query, setQuery] = useState('');
  const visible = useMemo(() => entries.filter((e) => matchesSearch(e, query)), [entries, query]);

  const now = Date.now();
  const notOpen = now < new Date(sheet.markingOpensAt).getTime();
  const beforeStart = now < new Date(sheet.startsAt).getTime();
  const submitHintId = useId();
  const locked = now >= new Date(sheet.lockedAt).getTime();
  const lockLabel = tokyoDayTime(sheet.lockedAt, lang);

  const lateChange = useLateChangeReason(isAdmin && locked);
  const actions = useSheetActions(sessionId, lateChange.withReason);
  useCheckInAnnouncements(sheet, actions.announce);

  const [editing, setEditing] = useState<ShownEntry | null>(null);
  const canMark = sheet.canMark && !isCancelled;

  return (
    <div className="attendance-sheet">
      <SheetBanner
        sheet={sheet}
        isAdmin={isAdmin}
        isCancelled={isCancelled}
        notOpen={notOpen}
        locked={locked}
        lockLabel={lockLabel}
        reason={lateChange.reason}
        onChangeReason={lateChange.change}
      />

      <div className="attendance-sticky">
        <dl className="attendance-counts" aria-label={t('attendance.sheet.counts')}>
          {[...MARKS, 'unmarked' as const].map((key) => (
            <div key={key} className={`attendance-counts__item mark--${key}`}>
              <dt>{t(`attendance.marks.${key}`)}</dt>
              <dd>{counts[key]}</dd>
            </div>
          ))}
        </dl>
        <SearchField label={t('attendance.sheet.search')} value={query} onChange={setQuery} />
        <p className="attendance-status" role="status" aria-live="polite">
          {actions.status}
        </p>
        {actions.failure ? (
          <p className="alert alert--error attendance-error" role="alert">
            {actions.failure}
          </p>
        ) : null}
      </div>

      {actions.outcome ? (
        <p className="alert alert--success attendance-success" role="status">
          {actions.outcome}
        </p>
      ) : null}

      <div className="attendance-actions" role="group" aria-label={t('attendance.sheet.actions')}>
        <Button
          variant="primary"
          isDisabled={!canMark || counts.unmarked === 0}
          onPress={() => actions.open('markAll')}
        >
          {t('attendance.sheet.markAll')}
        </Button>
        <Button isDisabled={!canMark} onPress={() => actions.open('walkIn')}>
          {t('attendance.sheet.addWalkIn')}
        </Button>
        <Button
          aria-expanded={showCode}
          isDisabled={isCancelled}
          onPress={() => onShowCodeChange(!showCode)}
        >
          {showCode ? t('attendance.sheet.hideCode') : t('attendance.sheet.showCode')}
        </Button>
        <Button
          isDisabled={!canMark || beforeStart}
          aria-describedby={beforeStart && !isCancelled ? submitHintId : undefined}
          onPress={() => actions.open('submit')}
        >
          {t('attendance.sheet.submit')}
        </Button>
        <SessionPageLink sessionId={sessionId} page="print" className="button button--secondary">
          {t('attendance.sheet.print')}
        </SessionPageLink>
        <a className="button button--secondary" href={attendanceCsvUrl(sessionId, lang)} download>
          {t('attendance.sheet.csv')}
        </a>
      </div>

      {beforeStart && !isCancelled ? (
        // Why "Submit" is greyed out: an attendance sheet is submitted once the session has begun.
        <p id={submitHintId} className="attendance-hint">
          {t('attendance.sheet.submitFrom', { time: tokyoDayTime(sheet.startsAt, lang) })}
        </p>
      ) : null}

      {showCode ? (
        <section className="attendance-code-section" aria-label={t('attendance.code.title')}>
          <CheckInCodePanel sessionId={sessionId} />
          <p className="muted">{t('attendance.sheet.live')}</p>
          <SessionPageLink sessionId={sessionId} page="checkInCode" className="text-link">
            {t('attendance.code.fullScreen')}
          </SessionPageLink>
        </section>
      ) : null}

      <CheckInRequests
        sheet={sheet}
        canMark={canMark}
        withReason={lateChange.withReason}
        onDone={actions.done}
        onFailure={actions.fail}
      />

      {entries.length === 0 ? (
        <EmptyState message={t('attendance.sheet.empty')} />
      ) : visible.length === 0 ? (
        <EmptyState message={t('attendance.sheet.noMatches', { query })} />
      ) : (
        <ul className="attendance-list" aria-label={t('attendance.sheet.people')}>
          {visible.map((entry) => (
            <AttendanceRow
              key={entry.staffId}
              entry={entry}
              canMark={canMark}
              onMark={actions.save}
              onEdit={setEditing}
            />
          ))}
        </ul>
      )}

      <MarkAllDialog
        {...actions.dialogProps('markAll')}
        unmarked={counts.unmarked}
        onConfirm={actions.markAllPresent}
      />

      <SubmitDialog
        {...actions.dialogProps('submit')}
        unmarked={counts.unmarked}
        lockLabel={lockLabel}
        onConfirm={actions.submit}
      />

      {actions.isOpen('walkIn') ? (
        <WalkInDialog
          sessionId={sessionId}
          isPending={actions.walkIn.isPending}
          error={actions.walkIn.error}
          onClose={actions.close}
          onAdd={(person, note) => actions.addWalkIn(person, note, () => setQuery(''))}
        />
      ) : null}

      {editing ? (
        <NoteDialog
          entry={editing}
          onClose={() => setEditing(null)}
          onSave={(mark, note) => {
            setEditing(null);
            actions.save(editing, mark, note);
          }}
        />
      ) : null}

      <ReasonDialog {...lateChange.dialog} />
    </div>
  );
}
