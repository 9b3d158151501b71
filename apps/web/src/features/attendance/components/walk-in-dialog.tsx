import { useEffect, useState } from 'react';
import { Heading } from 'react-aria-components';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { TextField } from '../../../components/form-fields.tsx';
import { SearchField } from '../../../components/search-field.tsx';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useWalkInSearch, type WalkInCandidate } from '../api/find-walk-ins.ts';
import { useAttendanceErrorMessage } from '../utils/error-message.ts';

const SEARCH_DELAY_MS = 300;

/**
 * Adds someone who came without a booking: find them by name, kana or staff number (as a trainer
 * hears it in the room), then add them with one tap.
 */
export function WalkInDialog({
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
                  <Badge>{t('attendance.walkIn.onSheet')}</Badge>
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
