import type { OrgUnit } from '@kenshu/contracts';
import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import {
  CheckboxField,
  FormAlert,
  FormNotice,
  SelectField,
} from '../../../components/form-fields.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import {
  useInvitationPreview,
  useSendInvitations,
  type InvitationChoice,
} from '../api/invitations.ts';

/**
 * First access for many people at once: choose a unit (or the whole ministry), see how many will
 * get a set-password e-mail and who is left out, then send. Each link works once and expires;
 * sending again replaces a person's earlier link.
 */
export function Invitations({ orgUnits }: { orgUnits: readonly OrgUnit[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [unitId, setUnitId] = useState('');
  const [onlyWithoutPassword, setOnlyWithoutPassword] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const choice: InvitationChoice = {
    ...(unitId ? { orgUnitId: Number(unitId) } : {}),
    onlyWithoutPassword,
  };
  const preview = useInvitationPreview(choice);
  const send = useSendInvitations();
  const unitName = unitId
    ? localName(orgUnits.find((u) => String(u.id) === unitId) ?? { nameJa: '', nameEn: '' }, lang)
    : t('accounts.invite.everyone');

  return (
    <div className="stack-form">
      <p className="field__description">{t('accounts.invite.intro')}</p>
      <SelectField
        label={t('accounts.invite.unit')}
        value={unitId}
        onChange={(value) => {
          setUnitId(value);
          send.reset();
        }}
        placeholder={t('accounts.invite.everyone')}
        options={orgUnits
          .filter((unit) => unit.active)
          .map((unit) => ({
            value: String(unit.id),
            label: `${'\u3000'.repeat(unit.depth)}${localName(unit, lang)}`,
          }))}
      />
      <CheckboxField
        isSelected={onlyWithoutPassword}
        onChange={(selected) => {
          setOnlyWithoutPassword(selected);
          send.reset();
        }}
      >
        {t('accounts.invite.onlyWithoutPassword')}
      </CheckboxField>
      <p role="status" className="invitations__preview">
        {preview.data
          ? t('accounts.invite.preview', {
              count: preview.data.invited,
              hasPassword: preview.data.skipped.hasPassword,
              noEmail: preview.data.skipped.noEmail,
            })
          : preview.isError
            ? preview.error.message
            : t('accounts.invite.counting')}
      </p>
      <div>
        <Button
          variant="primary"
          isDisabled={!preview.data || preview.data.invited === 0 || send.isPending}
          onPress={() => setConfirming(true)}
        >
          {t('accounts.invite.send')}
        </Button>
      </div>
      {send.data ? (
        <FormNotice>
          {t('accounts.invite.sent', {
            count: send.data.invited,
            hasPassword: send.data.skipped.hasPassword,
            noEmail: send.data.skipped.noEmail,
          })}
        </FormNotice>
      ) : null}
      {send.isError && !confirming ? (
        <FormAlert title={t('accounts.invite.errorTitle')}>
          <p>{send.error.message}</p>
        </FormAlert>
      ) : null}
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('accounts.invite.confirmTitle')}
        confirmLabel={t('accounts.invite.confirm')}
        cancelLabel={t('accounts.invite.back')}
        isPending={send.isPending}
        error={send.isError ? send.error.message : undefined}
        onConfirm={() =>
          send.mutate(choice, {
            onSuccess: () => {
              setConfirming(false);
              void preview.refetch();
            },
          })
        }
      >
        <p>
          {t('accounts.invite.confirmBody', {
            count: preview.data?.invited ?? 0,
            unit: unitName,
          })}
        </p>
      </ConfirmDialog>
    </div>
  );
}
