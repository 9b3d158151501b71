import { Badge } from '../../../components/badge.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { Link } from '../../../components/link.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { SearchField } from '../../../components/search-field.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useSearchText } from '../../../lib/use-search-text.ts';
import { PEOPLE_SHOWN, useFindPeople } from '../api/find-people.ts';
import './accounts.css';

export interface PeopleSearchProps {
  q: string;
  selectedId: number | undefined;
  onSearchChange: (q: string) => void;
}

/**
 * Search box and matching people; each match links to the same page with that person open, so
 * the choice is in the URL (bookmarkable, Back works).
 */
export function PeopleSearch({ q, selectedId, onSearchChange }: PeopleSearchProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const people = useFindPeople(q);

  const search = useSearchText(q, onSearchChange);

  return (
    <div className="people-search">
      <SearchField
        label={t('accounts.search.label')}
        description={t('accounts.search.description')}
        {...search}
      />
      {q === '' ? (
        <EmptyState message={t('accounts.search.prompt')} />
      ) : (
        <QueryState
          query={people}
          empty={{ when: (page) => page.total === 0, message: t('accounts.search.empty', { q }) }}
        >
          {(page) => (
            <>
              <ul className="people-list" aria-label={t('accounts.search.resultsLabel')}>
                {page.items.map((person) => (
                  <li key={person.id}>
                    <Link
                      to="/admin/accounts"
                      search={{ q, staff: person.id }}
                      className="people-list__link"
                      // Only the open person is current (the router would mark every match).
                      activeOptions={{ includeSearch: true }}
                      aria-current={person.id === selectedId ? 'true' : undefined}
                    >
                      <span className="people-list__name" lang="ja">
                        {person.familyName} {person.givenName}
                      </span>
                      <span className="people-list__meta">
                        <span className="staff-number">{person.staffNumber}</span>
                        <span>{localName(person.orgUnit, lang)}</span>
                        {person.active ? null : <Badge>{t('accounts.person.inactive')}</Badge>}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
              {page.total > PEOPLE_SHOWN ? (
                <p className="muted">
                  {t('accounts.search.more', { count: page.total - PEOPLE_SHOWN })}
                </p>
              ) : null}
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}
