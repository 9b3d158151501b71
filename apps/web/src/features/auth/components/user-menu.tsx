import type { Me } from '@kenshu/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  Dialog,
  DialogTrigger,
  Heading,
  Popover,
} from 'react-aria-components';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-fields.tsx';
import { Link } from '../../../components/link.tsx';
import { localName, useLanguage } from '../../../lib/i18n.ts';
import { resetSession } from '../api/reset-session.ts';
import { useSignOut } from '../api/sign-out.ts';
import './auth.css';

/**
 * The signed-in person in the header: their name opens a panel with staff number, unit, a link
 * to their active sign-ins, and sign-out.
 */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const [isOpen, setOpen] = useState(false);
  const name = `${me.familyName} ${me.givenName}`;

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: async ({ endSessionUrl }) => {
        setOpen(false);
        // Single sign-on: sign out at the provider too, which sends the browser back to sign-in.
        if (endSessionUrl) {
          resetSession(queryClient);
          window.location.assign(endSessionUrl);
          return;
        }
        // Leave first, so the pages being closed do not refetch what is about to be forgotten.
        await navigate({ to: '/sign-in', search: { reason: 'signedOut' } });
        resetSession(queryClient);
      },
    });

  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      <AriaButton className="user-menu__trigger" aria-label={t('auth.userMenu.label', { name })}>
        <span className="user-menu__avatar" aria-hidden="true">
          {me.familyName.slice(0, 1)}
        </span>
        <span className="user-menu__name" lang="ja">
          {name}
        </span>
        <span className="user-menu__chevron" aria-hidden="true" />
      </AriaButton>
      <Popover className="popover user-menu__popover" placement="bottom end">
        <Dialog className="user-menu__dialog" aria-label={t('auth.userMenu.label', { name })}>
          <Heading slot="title" className="user-menu__heading" lang="ja">
            {name}
          </Heading>
          <dl className="user-menu__facts">
            <div>
              <dt>{t('auth.userMenu.staffNumber')}</dt>
              <dd className="staff-number">{me.staffNumber}</dd>
            </div>
            <div>
              <dt>{t('auth.userMenu.unit')}</dt>
              <dd>{localName(me.orgUnit, lang)}</dd>
            </div>
          </dl>
          <Link to="/account/sessions" className="text-link" onClick={() => setOpen(false)}>
            {t('auth.userMenu.mySessions')}
          </Link>
          {signOut.isError ? (
            <FormAlert title={t('errors.title')}>
              <p>{t('auth.form.network')}</p>
            </FormAlert>
          ) : null}
          <Button variant="primary" isPending={signOut.isPending} onPress={onSignOut}>
            {signOut.isPending ? t('auth.userMenu.signingOut') : t('auth.userMenu.signOut')}
          </Button>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
