import { Badge } from '../../../components/badge.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useAccountRoles } from '../api/account-roles.ts';
import { usePerson } from '../api/find-people.ts';
import { PasswordLink } from './password-link.tsx';
import { RolesForm } from './roles-form.tsx';
import { BreakGlassMark } from './sign-in-settings.tsx';
import './accounts.css';

/** One person's account: who they are, their roles, and a set-password link to hand over. */
export function PersonPanel({ staffId, viewerId }: { staffId: number; viewerId: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const person = usePerson(staffId);
  const roles = useAccountRoles(staffId);

  return (
    <QueryState query={person}>
      {(p) => (
        <div className="person-panel">
          <div className="person-panel__head">
            <p className="person-panel__name" lang="ja">
              {p.familyName} {p.givenName}
              <span className="person-name__kana">
                {p.familyNameKana} {p.givenNameKana}
              </span>
            </p>
            {p.active ? null : <Badge>{t('accounts.person.inactive')}</Badge>}
          </div>
          <dl className="person-panel__facts">
            <div>
              <dt>{t('accounts.person.staffNumber')}</dt>
              <dd className="staff-number">{p.staffNumber}</dd>
            </div>
            <div>
              <dt>{t('accounts.person.unit')}</dt>
              <dd>{localName(p.orgUnit, lang)}</dd>
            </div>
            <div>
              <dt>{t('accounts.person.email')}</dt>
              <dd className="person-panel__email">{p.email}</dd>
            </div>
          </dl>
          <section className="person-panel__section" aria-labelledby={`roles-${staffId}`}>
            <h3 id={`roles-${staffId}`} className="person-panel__heading">
              {t('accounts.roles.heading')}
            </h3>
            <QueryState query={roles}>
              {(r) => (
                <RolesForm
                  staffId={staffId}
                  hrRoles={r.hrRoles}
                  grantedRoles={r.grantedRoles}
                  isSelf={staffId === viewerId}
                />
              )}
            </QueryState>
          </section>
          {roles.data?.grantedRoles.includes('admin') ? (
            <section className="person-panel__section" aria-labelledby={`glass-${staffId}`}>
              <h3 id={`glass-${staffId}`} className="person-panel__heading">
                {t('accounts.signIn.breakGlassHeading')}
              </h3>
              <BreakGlassMark staffId={staffId} breakGlass={roles.data.breakGlass} />
            </section>
          ) : null}
          <section className="person-panel__section" aria-labelledby={`link-${staffId}`}>
            <h3 id={`link-${staffId}`} className="person-panel__heading">
              {t('accounts.link.heading')}
            </h3>
            <PasswordLink key={staffId} staffId={staffId} isActive={p.active} />
          </section>
        </div>
      )}
    </QueryState>
  );
}
