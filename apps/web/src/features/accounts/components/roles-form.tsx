import { ROLES, type Role } from '@kenshu/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { CheckboxGroup, Label, Text } from 'react-aria-components';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { CheckboxField, FormAlert, FormNotice } from '../../../components/form-fields.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useUpdateAccountRoles } from '../api/account-roles.ts';

function isRole(value: string): value is Role {
  return ROLES.some((role) => role === value);
}

export interface RolesFormProps {
  staffId: number;
  hrRoles: readonly Role[];
  grantedRoles: readonly Role[];
  /** Whether this is the viewer's own account (who cannot drop their own admin role). */
  isSelf: boolean;
}

/** HR roles, read-only, and the granted roles as checkboxes, saved together. */
export function RolesForm({ staffId, hrRoles, grantedRoles, isSelf }: RolesFormProps) {
  const { t } = useTranslation();
  const update = useUpdateAccountRoles(staffId);
  const [selected, setSelected] = useState<Role[]>([...grantedRoles]);
  const alertRef = useRef<HTMLDivElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate(selected, {
      onSuccess: (roles) => setSelected([...roles.grantedRoles]),
      onError: () => requestAnimationFrame(() => alertRef.current?.focus()),
    });
  };

  const error = update.error;
  const conflict = isApiError(error) && error.code === 'CONFLICT';
  const droppedOwnAdmin = isSelf && grantedRoles.includes('admin') && !selected.includes('admin');

  return (
    <form className="stack-form roles-form" onSubmit={submit}>
      <div className="roles-form__hr">
        <h4 className="roles-form__label">{t('accounts.roles.hr')}</h4>
        {hrRoles.length === 0 ? (
          <p className="muted">{t('accounts.roles.none')}</p>
        ) : (
          <p className="badges">
            {hrRoles.map((role) => (
              <Badge key={role}>{t(`staff.roles.${role}`)}</Badge>
            ))}
          </p>
        )}
        <p className="field__description">{t('accounts.roles.hrNote')}</p>
      </div>
      <CheckboxGroup
        className="checkbox-group"
        value={selected}
        onChange={(values) => {
          update.reset();
          setSelected(values.filter(isRole));
        }}
      >
        <Label className="roles-form__label">{t('accounts.roles.granted')}</Label>
        <Text slot="description" className="field__description">
          {t('accounts.roles.grantedNote')}
        </Text>
        {ROLES.map((role) => (
          <CheckboxField key={role} value={role}>
            {t(`staff.roles.${role}`)}
          </CheckboxField>
        ))}
      </CheckboxGroup>
      {update.isError ? (
        <FormAlert ref={alertRef} title={t('accounts.roles.errorTitle')}>
          <p>
            {conflict
              ? droppedOwnAdmin
                ? t('accounts.roles.ownAdmin')
                : t('accounts.roles.lastAdmin')
              : isApiError(error)
                ? error.message
                : t('form.network')}
          </p>
        </FormAlert>
      ) : null}
      {update.isSuccess ? <FormNotice>{t('accounts.roles.saved')}</FormNotice> : null}
      <div>
        <Button type="submit" variant="primary" isPending={update.isPending}>
          {update.isPending ? t('accounts.roles.saving') : t('accounts.roles.save')}
        </Button>
      </div>
    </form>
  );
}
