import { useRouterState } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from '../../lib/i18n.ts';
import { Link } from '../../components/link.tsx';
import { NAV_ENTRIES, type NavEntry } from '../navigation.ts';
import { useViewer } from '../use-viewer.ts';

/** The entry a path falls under: home only for itself, others for their subpages too. */
function currentEntry(entries: readonly NavEntry[], pathname: string): NavEntry | undefined {
  return entries
    .filter((e) =>
      e.to === '/' ? pathname === '/' : pathname === e.to || pathname.startsWith(`${e.to}/`),
    )
    .sort((a, b) => b.to.length - a.to.length)[0];
}

/**
 * The main menu: the entries the viewer's roles allow, the current page marked. On a phone it
 * folds behind a "Menu" button that names the current page, so no entry hides off-screen in a
 * sideways-scrolling bar; the page's own content starts right under it.
 */
export function MainNav() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const listId = useId();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [isOpen, setOpen] = useState(false);
  // Choosing a page folds the menu away again.
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }
  const entries = NAV_ENTRIES.filter((entry) => entry.roles.some((r) => viewer.roles.has(r)));
  const current = currentEntry(entries, pathname);
  return (
    <nav className={isOpen ? 'main-nav main-nav--open' : 'main-nav'} aria-label={t('nav.label')}>
      {/* A plain button: the menu is on every page, and react-aria loads later with the pages. */}
      <button
        type="button"
        className="main-nav__toggle"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setOpen(!isOpen)}
      >
        <span className="main-nav__toggle-icon" aria-hidden="true" />
        <span>{t('nav.menu')}</span>
        {current ? <span className="main-nav__current">{t(`nav.${current.label}`)}</span> : null}
      </button>
      <ul id={listId} className="main-nav__list">
        {entries.map((entry) => (
          <li key={entry.to}>
            <Link
              to={entry.to}
              className="main-nav__link"
              // The home entry would otherwise count as active on every page.
              activeOptions={{ exact: entry.to === '/', includeSearch: false }}
              onClick={() => setOpen(false)}
            >
              {t(`nav.${entry.label}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
