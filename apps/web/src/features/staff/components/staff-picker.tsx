import { useEffect, useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { SearchField } from '../../../components/search-field.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useStaffPicker } from '../api/search-staff.ts';
import './staff.css';

const SEARCH_DELAY_MS = 300;

export interface PickedStaff {
  staffId: number;
  name: string;
}

/** Find a member of staff by number, name or kana, and choose one. */
export function StaffPicker({
  label,
  onPick,
  excludeIds = [],
}: {
  label: string;
  onPick: (staff: PickedStaff) => void;
  excludeIds?: readonly number[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useStaffPicker(q);
  const people = (results.data ?? []).filter((p) => !excludeIds.includes(p.id));

  return (
    <div className="picker">
      <SearchField
        label={label}
        description={t('sessions.staffPicker.description')}
        value={text}
        onChange={setText}
        onSubmit={(value) => setQ(value.trim())}
      />
      {q ? (
        <>
          <p className="visually-hidden" role="status">
            {results.isFetching
              ? t('common.loading')
              : t('sessions.staffPicker.found', { count: people.length })}
          </p>
          {results.isError ? (
            <p className="form-error" role="alert">
              {t('sessions.staffPicker.failed')}
            </p>
          ) : people.length === 0 && !results.isFetching ? (
            <p className="muted">{t('sessions.staffPicker.none', { q })}</p>
          ) : (
            <ul className="picker__matches">
              {people.map((person) => {
                const name = `${person.familyName} ${person.givenName}`;
                return (
                  <li key={person.id} className="picker__match">
                    <span>
                      <span className="staff-picker__name" lang="ja">
                        {name}
                      </span>{' '}
                      <span className="muted">
                        {person.staffNumber} · {localName(person.orgUnit, lang)}
                      </span>
                    </span>
                    <Button
                      aria-label={t('sessions.staffPicker.chooseNamed', { name })}
                      onPress={() => {
                        onPick({ staffId: person.id, name });
                        setText('');
                        setQ('');
                      }}
                    >
                      {t('sessions.staffPicker.choose')}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
}
