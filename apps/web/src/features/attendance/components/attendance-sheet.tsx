import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'react-aria-components';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog, Dialog } from '../../../components/dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { TextField } from '../../../components/form-fields.tsx';
import { Link } from '../../../components/link.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { SearchField } from '../../../components/search-field.tsx';
import { tokyoDayTime } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import {
  useAttendanceSheet,
  type AttendanceMark,
  type AttendanceSheet,
} from '../api/attendance-sheet.ts';
import { useWalkInSearch, type WalkInCandidate } from '../api/find-walk-ins.ts';
import {
  attendanceCsvUrl,
  useAddWalkIn,
  useFinaliseAttendance,
  useMarkUnmarkedPresent,
  usePendingMarks,
  useSetMarks,
} from '../api/mark-attendance.ts';
import { useAttendanceErrorMessage } from '../utils/error-message.ts';
import {
  checkedInTime,
  countMarks,
  matchesSearch,
  MARKS,
  newCheckIns,
  withPendingMarks,
  type ShownEntry,
} from '../utils/roster.ts';
import { AttendanceRow } from './attendance-row.tsx';
import { CheckInCodePanel } from './check-in-code-panel.tsx';
import { CheckInRequests } from './check-in-requests.tsx';
import { MarkControl } from './mark-control.tsx';
import './attendance.css';

export interface AttendanceSheetViewProps {
  sessionId: number;
  /** Admins may mark at any time, but after the lock only with a reason. */
  isAdmin: boolean;
  /** The session was cancelled: nothing to mark. */
  isCancelled?: boolean;
}

/** The trainer's roster for one session, phone first: counts, search, one tap per person. */
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

type OpenDialog = 'markAll' | 'submit' | 'walkIn' | null;
/** How a sheet-wide action is started: for this session, with the reason when one is due. */
type SheetActionMutate<Result> = (
  input: { sessionId: number; reason: string | undefined },
  options: { onSuccess: (result: Result) => void },
) => void;

/** What a dialog needs of the mutation it runs. */
interface DialogMutation {
  reset: () => void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
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
  const errorMessage = useAttendanceErrorMessage();
  const sessionId = sheet.sessionId;

  const pending = usePendingMarks(sessionId);
  const entries = useMemo(() => withPendingMarks(sheet.entries, pending), [sheet.entries, pending]);
  const counts = countMarks(entries);
  const [query, setQuery] = useState('');
  const visible = useMemo(() => entries.filter((e) => matchesSearch(e, query)), [entries, query]);

  // What the last action did, said in the sticky bar and announced politely; failures assertively.
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const [outcome, setOutcome] = useState('');

  useCheckInAnnouncements(sheet, setStatus);

  const now = Date.now();
  const notOpen = now < new Date(sheet.markingOpensAt).getTime();
  const beforeStart = now < new Date(sheet.startsAt).getTime();
  const submitHintId = useId();
  const locked = now >= new Date(sheet.lockedAt).getTime();
  const needsReason = isAdmin && locked;
  const lockLabel = tokyoDayTime(sheet.lockedAt, lang);

  // After the lock, an admin gives a reason once; every change on this page then carries it.
  const [reason, setReason] = useState<string | undefined>();
  const [reasonDraft, setReasonDraft] = useState('');
  const [awaitingReason, setAwaitingReason] = useState<((reason: string) => void) | null>(null);
  const withReason = useCallback(
    (action: (reason: string | undefined) => void) => {
      if (!needsReason) action(undefined);
      else if (reason) action(reason);
      else setAwaitingReason(() => action);
    },
    [needsReason, reason],
  );

  const { mutate: mutateMarks } = useSetMarks(sessionId);
  const markAll = useMarkUnmarkedPresent(sessionId);
  const addWalkIn = useAddWalkIn(sessionId);
  const finalise = useFinaliseAttendance(sessionId);

  const save = useCallback(
    (entry: ShownEntry, mark: AttendanceMark, note?: string | null) => {
      withReason((given) => {
        setFailure('');
        mutateMarks(
          {
            sessionId,
            marks: [{ staffId: entry.staffId, mark, ...(note === undefined ? {} : { note }) }],
            reason: given,
          },
          {
            onSuccess: () =>
              setStatus(
                t('attendance.sheet.saved', {
                  name: entry.name,
                  mark: t(`attendance.marks.${mark}`),
                }),
              ),
            onError: (error) =>
              setFailure(
                t('attendance.sheet.saveFailed', {
                  name: entry.name,
                  message: errorMessage(error),
                }),
              ),
          },
        );
      });
    },
    [withReason, mutateMarks, sessionId, t, errorMessage],
  );

  const [editing, setEditing] = useState<ShownEntry | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);

  const canMark = sheet.canMark && !isCancelled;

  // Each dialog runs one mutation: opening it clears that mutation's last failure.
  const openDialog = (name: NonNullable<OpenDialog>, mutation: DialogMutation) => () => {
    mutation.reset();
    setDialog(name);
  };
  const dialogState = (name: NonNullable<OpenDialog>, mutation: DialogMutation) => ({
    isOpen: dialog === name,
    onOpenChange: (open: boolean) => setDialog(open ? name : null),
    isPending: mutation.isPending,
    error: mutation.isError ? errorMessage(mutation.error) : undefined,
  });
  // A sheet-wide action (mark all, submit) runs with the reason, if one is due; once done, its
  // dialog closes and `done` says what happened.
  const runSheetAction =
    <Result,>(mutate: SheetActionMutate<Result>, done: (result: Result) => void) =>
    () =>
      withReason((given) =>
        mutate(
          { sessionId, reason: given },
          {
            onSuccess: (result) => {
              setDialog(null);
              done(result);
            },
          },
        ),
      );

  return (
    <div className="attendance-sheet">
      {isCancelled ? (
        <p className="attendance-banner" role="status">
          {t('attendance.sheet.cancelled')}
        </p>
      ) : notOpen ? (
        <p className="attendance-banner" role="status">
          {t('attendance.sheet.notOpen', { time: tokyoDayTime(sheet.markingOpensAt, lang) })}
        </p>
      ) : locked ? (
        <div className="attendance-banner" role="status">
          <p>
            {isAdmin
              ? t('attendance.sheet.lockedAdmin', { time: lockLabel })
              : t('attendance.sheet.locked', { time: lockLabel })}
          </p>
          {isAdmin && reason ? (
            <p className="attendance-banner__row">
              <span>{t('attendance.sheet.reasonGiven', { reason })}</span>
              <Button
                onPress={() => {
                  setReasonDraft(reason);
                  setReason(undefined);
                  setAwaitingReason(() => () => undefined);
                }}
              >
                {t('attendance.sheet.changeReason')}
              </Button>
            </p>
          ) : null}
        </div>
      ) : sheet.finalisedAt ? (
        <p className="attendance-banner" role="status">
          {t('attendance.sheet.finalised', {
            time: tokyoDayTime(sheet.finalisedAt, lang),
            lock: lockLabel,
          })}
        </p>
      ) : null}

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
          {status}
        </p>
        {failure ? (
          <p className="alert alert--error attendance-error" role="alert">
            {failure}
          </p>
        ) : null}
      </div>

      {outcome ? (
        <p className="alert alert--success attendance-success" role="status">
          {outcome}
        </p>
      ) : null}

      <div className="attendance-actions" role="group" aria-label={t('attendance.sheet.actions')}>
        <Button
          variant="primary"
          isDisabled={!canMark || counts.unmarked === 0}
          onPress={openDialog('markAll', markAll)}
        >
          {t('attendance.sheet.markAll')}
        </Button>
        <Button isDisabled={!canMark} onPress={openDialog('walkIn', addWalkIn)}>
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
          onPress={openDialog('submit', finalise)}
        >
          {t('attendance.sheet.submit')}
        </Button>
        <Link
          to="/teaching/$sessionId/print"
          params={{ sessionId: String(sessionId) }}
          className="button button--secondary"
        >
          {t('attendance.sheet.print')}
        </Link>
        <a className="button button--secondary" href={attendanceCsvUrl(sessionId, lang)} download>
          {t('attendance.sheet.csv')}
        </a>
      </div>

      {beforeStart && !isCancelled ? (
        // Why "Submit" is greyed out: a roster is submitted once the session has begun.
        <p id={submitHintId} className="attendance-hint">
          {t('attendance.sheet.submitFrom', { time: tokyoDayTime(sheet.startsAt, lang) })}
        </p>
      ) : null}

      {showCode ? (
        <section className="attendance-code-section" aria-label={t('attendance.code.title')}>
          <CheckInCodePanel sessionId={sessionId} />
          <p className="muted">{t('attendance.sheet.live')}</p>
          <Link
            to="/teaching/$sessionId/check-in-code"
            params={{ sessionId: String(sessionId) }}
            className="text-link"
          >
            {t('attendance.code.fullScreen')}
          </Link>
        </section>
      ) : null}

      <CheckInRequests
        sheet={sheet}
        canMark={canMark}
        withReason={withReason}
        onDone={(message) => {
          setFailure('');
          setStatus(message);
        }}
        onFailure={setFailure}
      />

      {entries.length === 0 ? (
        <EmptyState message={t('attendance.sheet.empty')} />
      ) : visible.length === 0 ? (
        <EmptyState message={t('attendance.sheet.noMatches', { query })} />
      ) : (
        <ul className="attendance-list" aria-label={t('attendance.sheet.roster')}>
          {visible.map((entry) => (
            <AttendanceRow
              key={entry.staffId}
              entry={entry}
              canMark={canMark}
              onMark={save}
              onEdit={setEditing}
            />
          ))}
        </ul>
      )}

      <ConfirmDialog
        {...dialogState('markAll', markAll)}
        title={t('attendance.markAll.title')}
        cancelLabel={t('attendance.dialog.back')}
        confirmLabel={t('attendance.markAll.confirm')}
        onConfirm={runSheetAction(markAll.mutate, ({ marked }) =>
          setStatus(
            marked === 0
              ? t('attendance.markAll.none')
              : t('attendance.markAll.done', { count: marked }),
          ),
        )}
      >
        <p>{t('attendance.markAll.body', { count: counts.unmarked })}</p>
      </ConfirmDialog>

      <ConfirmDialog
        {...dialogState('submit', finalise)}
        title={t('attendance.submit.title')}
        cancelLabel={t('attendance.dialog.back')}
        confirmLabel={t('attendance.submit.confirm')}
        onConfirm={runSheetAction(finalise.mutate, ({ noShows }) =>
          setOutcome(t('attendance.sheet.noShows', { count: noShows })),
        )}
      >
        <p>
          {counts.unmarked === 0
            ? t('attendance.submit.bodyAllMarked', { lock: lockLabel })
            : t('attendance.submit.body', { count: counts.unmarked, lock: lockLabel })}
        </p>
      </ConfirmDialog>

      {dialog === 'walkIn' ? (
        <WalkInDialog
          sessionId={sessionId}
          isPending={addWalkIn.isPending}
          error={addWalkIn.error}
          onClose={() => setDialog(null)}
          onAdd={(person, note) =>
            withReason((given) =>
              addWalkIn.mutate(
                { sessionId, staffNumber: person.staffNumber, note, reason: given },
                {
                  onSuccess: () => {
                    setDialog(null);
                    setQuery('');
                    setStatus(t('attendance.walkIn.added', { name: person.name }));
                  },
                },
              ),
            )
          }
        />
      ) : null}

      {editing ? (
        <NoteDialog
          entry={editing}
          onClose={() => setEditing(null)}
          onSave={(mark, note) => {
            setEditing(null);
            save(editing, mark, note);
          }}
        />
      ) : null}

      <ConfirmDialog
        role="dialog"
        isOpen={awaitingReason !== null}
        onOpenChange={(open) => {
          if (!open) setAwaitingReason(null);
        }}
        title={t('attendance.reason.title')}
        cancelLabel={t('attendance.dialog.back')}
        confirmLabel={t('attendance.reason.confirm')}
        isConfirmDisabled={reasonDraft.trim() === ''}
        onConfirm={() => {
          const given = reasonDraft.trim();
          setReason(given);
          awaitingReason?.(given);
          setAwaitingReason(null);
        }}
      >
        <p>{t('attendance.reason.body')}</p>
        <TextField
          label={t('attendance.reason.label')}
          value={reasonDraft}
          onChange={setReasonDraft}
          maxLength={500}
          isRequired
          autoFocus
        />
      </ConfirmDialog>
    </div>
  );
}

/** Says who checked themselves in since the last refetch (not on first load). */
function useCheckInAnnouncements(sheet: AttendanceSheet, announce: (message: string) => void) {
  const { t } = useTranslation();
  const known = useRef<Set<number> | null>(null);
  useEffect(() => {
    const checkedIn = new Set(
      sheet.entries.filter((e) => checkedInTime(e) !== null).map((e) => e.staffId),
    );
    if (known.current) {
      const fresh = newCheckIns(sheet.entries, known.current);
      if (fresh.length > 0) {
        announce(
          t('attendance.sheet.arrivals', {
            count: fresh.length,
            names: fresh.map((p) => p.name).join('、'),
          }),
        );
      }
    }
    known.current = checkedIn;
  }, [sheet.entries, announce, t]);
}

const SEARCH_DELAY_MS = 300;

/**
 * Adds someone who came without a booking: find them by name, kana or staff number (as a trainer
 * hears it in the room), then add them with one tap.
 */
function WalkInDialog({
  sessionId,
  isPending,
  error,
  onClose,
  onAdd,
}: {
  sessionId: number;
  isPending: boolean;
  error: unknown;
  onClose: () => void;
  onAdd: (person: WalkInCandidate, note: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const errorMessage = useAttendanceErrorMessage();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [note, setNote] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useWalkInSearch(sessionId, q);
  const people = results.data ?? [];
  const failure =
    error !== null
      ? errorMessage(error)
      : results.isError
        ? errorMessage(results.error)
        : undefined;
  return (
    <Dialog
      isOpen
      isDismissable={!isPending}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Heading slot="title" className="dialog__title">
        {t('attendance.walkIn.title')}
      </Heading>
      <div className="dialog__body walk-in">
        <p>{t('attendance.walkIn.body')}</p>
        <SearchField
          label={t('attendance.walkIn.search')}
          description={t('attendance.walkIn.searchHint')}
          value={text}
          onChange={setText}
          onSubmit={(value) => setQ(value.trim())}
          autoFocus
        />
        <TextField
          label={t('attendance.walkIn.note')}
          value={note}
          onChange={setNote}
          maxLength={500}
        />
        <p className="visually-hidden" role="status">
          {q && !results.isFetching ? t('attendance.walkIn.found', { count: people.length }) : ''}
        </p>
        {failure ? (
          <p className="alert alert--error" role="alert">
            {failure}
          </p>
        ) : null}
        {q && !results.isFetching && !results.isError && people.length === 0 ? (
          <p className="muted">{t('attendance.walkIn.none', { q })}</p>
        ) : null}
        {people.length > 0 ? (
          <ul className="walk-in__matches" aria-label={t('attendance.walkIn.matches')}>
            {people.map((person) => (
              <li key={person.staffId} className="walk-in__match">
                <span className="walk-in__who">
                  <span className="walk-in__name" lang="ja">
                    {person.name}
                  </span>
                  <span className="muted">
                    {person.nameKana} · {person.staffNumber} ·{' '}
                    {lang === 'en' ? person.unitEn : person.unitJa}
                  </span>
                </span>
                {person.onRoster ? (
                  <Badge>{t('attendance.walkIn.onRoster')}</Badge>
                ) : (
                  <Button
                    variant="primary"
                    isDisabled={isPending}
                    aria-label={t('attendance.walkIn.addNamed', {
                      name: person.name,
                      staffNumber: person.staffNumber,
                    })}
                    onPress={() => onAdd(person, note.trim() || undefined)}
                  >
                    {t('attendance.walkIn.confirm')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="dialog__actions">
        <Button onPress={onClose} isDisabled={isPending}>
          {t('attendance.dialog.back')}
        </Button>
      </div>
    </Dialog>
  );
}

function NoteDialog({
  entry,
  onClose,
  onSave,
}: {
  entry: ShownEntry;
  onClose: () => void;
  onSave: (mark: AttendanceMark, note: string | null) => void;
}) {
  const { t } = useTranslation();
  const [mark, setMark] = useState<AttendanceMark | null>(entry.mark);
  const [note, setNote] = useState(entry.note ?? '');
  return (
    <ConfirmDialog
      role="dialog"
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('attendance.note.title', { name: entry.name })}
      cancelLabel={t('attendance.dialog.back')}
      confirmLabel={t('attendance.note.save')}
      isConfirmDisabled={mark === null}
      onConfirm={() => {
        if (mark) onSave(mark, note.trim() || null);
      }}
    >
      <div className="field">
        <p className="field__label" aria-hidden="true">
          {t('attendance.note.mark')}
        </p>
        <MarkControl name={entry.name} value={mark} onChange={setMark} />
        {mark === null ? (
          <p className="field__description">{t('attendance.note.needsMark')}</p>
        ) : null}
      </div>
      <TextField
        label={t('attendance.note.note')}
        value={note}
        onChange={setNote}
        maxLength={500}
        multiline
        autoFocus
      />
    </ConfirmDialog>
  );
}
