import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { TextField } from '../../../components/form-fields.tsx';
import type { AttendanceMark } from '../api/attendance-sheet.ts';
import type { ShownEntry } from '../utils/sheet.ts';
import { MarkControl } from './mark-control.tsx';

/** One person's mark with a note, for what a single tap cannot say. */
export function NoteDialog({
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
