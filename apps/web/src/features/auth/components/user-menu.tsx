import type { Me } from '@kenshu/contracts';
import { lazy, Suspense, useId, useRef } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { useOverlayState } from '../../../lib/use-overlay-state.ts';
import './auth.css';

// The panel (react-aria's popover and dialog) loads when the menu first opens, or when the
// pointer or focus reaches its button: no page needs it to show.
const loadPanel = () => import('./user-menu-panel.tsx');
const UserMenuPanel = lazy(() => loadPanel().then((m) => ({ default: m.UserMenuPanel })));

/**
 * The signed-in person in the header: their name opens a panel with staff number, unit, a link
 * to their active sign-ins, and sign-out.
 */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const { isOpen, wasOpened, setOpen } = useOverlayState();
  const name = `${me.familyName} ${me.givenName}`;
  const label = t('userMenu.label', { name });

  return (
    <>
      {/* A plain button, as the main menu's: the frame stays free of react-aria. */}
      <button
        type="button"
        ref={triggerRef}
        className="user-menu__trigger"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={isOpen}
        aria-controls={isOpen ? panelId : undefined}
        onPointerEnter={() => void loadPanel()}
        onFocus={() => void loadPanel()}
        onClick={() => setOpen(!isOpen)}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {me.familyName.slice(0, 1)}
        </span>
        <span className="user-menu__name" lang="ja">
          {name}
        </span>
        <span className="user-menu__chevron" aria-hidden="true" />
      </button>
      {wasOpened ? (
        <Suspense fallback={null}>
          <UserMenuPanel
            me={me}
            id={panelId}
            label={label}
            triggerRef={triggerRef}
            isOpen={isOpen}
            onOpenChange={setOpen}
          />
        </Suspense>
      ) : null}
    </>
  );
}
