import { useCallback, useState } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import type { AttendanceMark } from '../api/attendance-sheet.ts';
import type { WalkInCandidate } from '../api/find-walk-ins.ts';
import {
  useAddWalkIn,
  useFinaliseAttendance,
  useMarkUnmarkedPresent,
  useSetMarks,
} from '../api/mark-attendance.ts';
import { useAttendanceErrorMessage } from '../utils/error-message.ts';
import type { ShownEntry } from '../utils/sheet.ts';
import type { WithReason } from './use-late-change-reason.ts';

/** The sheet-wide actions that each run in their own dialog. */
export type SheetDialog = 'markAll' | 'submit' | 'walkIn';

/**
 * The changes a trainer makes on one attendance sheet, each with the reason when one is due, and
 * what the page says about them: the last action's status (announced politely), its failure
 * (assertively) and the outcome of submitting. It also says which action's dialog is open.
 */
export function useSheetActions(sessionId: number, withReason: WithReason) {
  const { t } = useTranslation();
  const errorMessage = useAttendanceErrorMessage();
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const [outcome, setOutcome] = useState('');
  const [dialog, setDialog] = useState<SheetDialog | null>(null);

  const { mutate: mutateMarks } = useSetMarks(sessionId);
  const markAll = useMarkUnmarkedPresent(sessionId);
  const finalise = useFinaliseAttendance(sessionId);
  const addWalkIn = useAddWalkIn(sessionId);
  const mutationOf = { markAll, submit: finalise, walkIn: addWalkIn } as const;

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

  return {
    status,
    failure,
    outcome,
    /** Says something in the sticky bar; stable, so effects can depend on it. */
    announce: setStatus,
    /** What another part of the sheet did, said in place of the last failure. */
    done: (message: string) => {
      setFailure('');
      setStatus(message);
    },
    fail: setFailure,
    save,
    /** Each dialog runs one mutation: opening it clears that mutation's last failure. */
    open: (name: SheetDialog) => {
      mutationOf[name].reset();
      setDialog(name);
    },
    close: () => setDialog(null),
    isOpen: (name: SheetDialog) => dialog === name,
    /** What a confirmation dialog needs: open or not, busy, the last failure in words. */
    dialogProps: (name: 'markAll' | 'submit') => ({
      isOpen: dialog === name,
      onOpenChange: (open: boolean) => setDialog(open ? name : null),
      isPending: mutationOf[name].isPending,
      error: mutationOf[name].isError ? errorMessage(mutationOf[name].error) : undefined,
    }),
    walkIn: { isPending: addWalkIn.isPending, error: addWalkIn.error },
    markAllPresent: () =>
      withReason((given) =>
        markAll.mutate(
          { sessionId, reason: given },
          {
            onSuccess: ({ marked }) => {
              setDialog(null);
              setStatus(
                marked === 0
                  ? t('attendance.markAll.none')
                  : t('attendance.markAll.done', { count: marked }),
              );
            },
          },
        ),
      ),
    submit: () =>
      withReason((given) =>
        finalise.mutate(
          { sessionId, reason: given },
          {
            onSuccess: ({ noShows }) => {
              setDialog(null);
              setOutcome(t('attendance.sheet.noShows', { count: noShows }));
            },
          },
        ),
      ),
    addWalkIn: (person: WalkInCandidate, note: string | undefined, onAdded: () => void) =>
      withReason((given) =>
        addWalkIn.mutate(
          { sessionId, staffNumber: person.staffNumber, note, reason: given },
          {
            onSuccess: () => {
              setDialog(null);
              onAdded();
              setStatus(t('attendance.walkIn.added', { name: person.name }));
            },
          },
        ),
      ),
  };
}
