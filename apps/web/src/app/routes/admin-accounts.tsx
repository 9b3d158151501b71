import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../lib/i18n.ts';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { FormNotice } from '../../components/form-fields.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { CreateAccountForm } from '../../features/accounts/components/create-account-form.tsx';
import { Invitations } from '../../features/accounts/components/invitations.tsx';
import { PeopleSearch } from '../../features/accounts/components/people-search.tsx';
import { PersonPanel } from '../../features/accounts/components/person-panel.tsx';
import { SignInSettingsPanel } from '../../features/accounts/components/sign-in-settings.tsx';
import { useOrgUnits } from '../../features/org-units/api/get-org-units.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useViewer } from '../use-viewer.ts';
import './account-pages.css';

const route = getRouteApi('/admin/accounts');

/** Admins: find a person, set their granted roles, issue a set-password link; create accounts. */
export function AdminAccountsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const viewer = useViewer();
  const orgUnits = useOrgUnits();
  const [created, setCreated] = useState<{ id: number; name: string } | undefined>();
  useDocumentTitle(t('accounts.title'));

  return (
    <>
      <PageHeader title={t('accounts.title')}>
        <p>{t('accounts.intro')}</p>
      </PageHeader>
      <div className="accounts">
        <Card title={t('accounts.search.heading')} className="accounts__search">
          <PeopleSearch
            q={search.q ?? ''}
            selectedId={search.staff}
            onSearchChange={(q) =>
              void navigate({ search: (prev) => ({ ...prev, q: q || undefined }), replace: true })
            }
          />
        </Card>
        <Card title={t('accounts.person.heading')} className="accounts__person">
          {created && created.id === search.staff ? (
            <FormNotice>{t('accounts.create.created', { name: created.name })}</FormNotice>
          ) : null}
          {search.staff !== undefined && viewer.me ? (
            <PersonPanel key={search.staff} staffId={search.staff} viewerId={viewer.me.staffId} />
          ) : (
            <EmptyState message={t('accounts.person.noneSelected')} />
          )}
        </Card>
        <Card title={t('accounts.create.heading')} className="accounts__create">
          <p className="field__description">{t('accounts.create.intro')}</p>
          <QueryState query={orgUnits}>
            {(units) => (
              <CreateAccountForm
                orgUnits={units}
                onCreated={(account) => {
                  setCreated(account);
                  void navigate({ search: { q: account.staffNumber, staff: account.id } });
                }}
              />
            )}
          </QueryState>
        </Card>
        <Card title={t('accounts.invite.heading')} className="accounts__invite">
          <QueryState query={orgUnits}>{(units) => <Invitations orgUnits={units} />}</QueryState>
        </Card>
        <Card title={t('accounts.signIn.heading')} className="accounts__sign-in">
          <SignInSettingsPanel />
        </Card>
      </div>
    </>
  );
}
