import { useTranslation } from '../../../lib/i18n.ts';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { TextField } from '../../../components/form-fields.tsx';

export interface ReasonDialogProps {
  isOpen: boolean;
  draft: string;
  onDraftChange: (draft: string) => void;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * Asks an admin why they change a locked attendance sheet; the reason goes with every change after
 * it.
 */
export function ReasonDialog({
  isOpen,
  draft,
  onDraftChange,
  onCancel,
  onConfirm,
}: ReasonDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      role="dialog"
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      title={t('attendance.reason.title')}
      cancelLabel={t('attendance.dialog.back')}
      confirmLabel={t('attendance.reason.confirm')}
      isConfirmDisabled={draft.trim() === ''}
      onConfirm={onConfirm}
    >
      <p>{t('attendance.reason.body')}</p>
      <TextField
        label={t('attendance.reason.label')}
        value={draft}
        onChange={onDraftChange}
        maxLength={500}
        isRequired
        autoFocus
      />
    </ConfirmDialog>
  );
}
