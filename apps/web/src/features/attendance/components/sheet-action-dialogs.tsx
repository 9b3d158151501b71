import { useTranslation } from '../../../lib/i18n.ts';
import { ConfirmDialog } from '../../../components/dialog.tsx';

interface SheetActionDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  isPending: boolean;
  error: string | undefined;
  onConfirm: () => void;
  /** How many on the attendance sheet have no mark yet. */
  unmarked: number;
}

/** Asks before marking everyone not yet marked as present. */
export function MarkAllDialog({ unmarked, ...dialog }: SheetActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      {...dialog}
      title={t('attendance.markAll.title')}
      cancelLabel={t('attendance.dialog.back')}
      confirmLabel={t('attendance.markAll.confirm')}
    >
      <p>{t('attendance.markAll.body', { count: unmarked })}</p>
    </ConfirmDialog>
  );
}

/**
 * Asks before submitting the attendance sheet, saying who becomes a no-show and until when it can
 * change.
 */
export function SubmitDialog({
  unmarked,
  lockLabel,
  ...dialog
}: SheetActionDialogProps & { lockLabel: string }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      {...dialog}
      title={t('attendance.submit.title')}
      cancelLabel={t('attendance.dialog.back')}
      confirmLabel={t('attendance.submit.confirm')}
    >
      <p>
        {unmarked === 0
          ? t('attendance.submit.bodyAllMarked', { lock: lockLabel })
          : t('attendance.submit.body', { count: unmarked, lock: lockLabel })}
      </p>
    </ConfirmDialog>
  );
}
