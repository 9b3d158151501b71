import type { Me } from '@kenshu/contracts';
import type { RefObject } from 'react';
import { Dialog, Heading, Popover } from 'react-aria-components';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-fields.tsx';
import { Link } from '../../../components/link.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { loadPage } from '../../../lib/load-page.ts';
import { useSignOut } from '../api/sign-out.ts';
import { signInHref } from '../utils/sign-in-search.ts';
import './auth.css';

export interface UserMenuPanelProps {
  me: Me;
  /** The id the menu's button points at with aria-controls. */
  id: string;
  /** The dialog's name, the same as the menu button's. */
  label: string;
  triggerRef: RefObject<HTMLButtonElement | null>;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
}

/** The user menu's popover: staff number, unit, a link to active sign-ins, and sign-out. */
export function UserMenuPanel({
  me,
  id,
  label,
  triggerRef,
  isOpen,
  onOpenChange,
}: UserMenuPanelProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const signOut = useSignOut();
  const name = `${me.familyName} ${me.givenName}`;

  const onSignOut = () =>
    signOut.mutate(undefined, {
      // A full page load, to the sign-in page or (single sign-on) the provider's sign-out, which
      // sends the browser back to sign-in: everything this person loaded stays behind.
      onSuccess: ({ endSessionUrl }) => {
        onOpenChange(false);
        loadPage(endSessionUrl ?? signInHref({ reason: 'signedOut' }));
      },
    });

  return (
    <Popover
      className="popover user-menu__popover"
      placement="bottom end"
      triggerRef={triggerRef}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
    >
      <Dialog id={id} className="user-menu__dialog" aria-label={label}>
        <Heading slot="title" className="user-menu__heading" lang="ja">
          {name}
        </Heading>
        <dl className="user-menu__facts">
          <div>
            <dt>{t('userMenu.staffNumber')}</dt>
            <dd className="staff-number">{me.staffNumber}</dd>
          </div>
          <div>
            <dt>{t('userMenu.unit')}</dt>
            <dd>{localName(me.orgUnit, lang)}</dd>
          </div>
        </dl>
        <Link to="/account/sessions" className="text-link" onClick={() => onOpenChange(false)}>
          {t('userMenu.mySessions')}
        </Link>
        {signOut.isError ? (
          <FormAlert title={t('errors.title')}>
            <p>{t('form.network')}</p>
          </FormAlert>
        ) : null}
        <Button variant="primary" isPending={signOut.isPending} onPress={onSignOut}>
          {signOut.isPending ? t('userMenu.signingOut') : t('userMenu.signOut')}
        </Button>
      </Dialog>
    </Popover>
  );
}
