import { Outlet, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state.tsx';
import { Link } from '../../components/link.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useSessionExpiry } from '../../features/auth/hooks/use-session-expiry.ts';
import { FiscalYearBadge } from '../../features/fiscal-years/components/fiscal-year-badge.tsx';
import { useAccountLanguage } from '../../lib/i18n.ts';
import { isPublicPath, mayOpen } from '../navigation.ts';
import { NotAllowedPage } from '../routes/not-allowed.tsx';
import { useViewer } from '../use-viewer.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { MainNav } from './main-nav.tsx';
import './app-layout.css';

// The signed-in person's menu (popover, dialog) is not needed to show the sign-in page.
const UserMenu = lazy(() =>
  import('../../features/auth/components/user-menu.tsx').then((m) => ({ default: m.UserMenu })),
);

/**
 * The frame of every page: skip link, header (product, fiscal year, language, the signed-in
 * person), menu, main. The sign-in pages get the header only; other pages render once the
 * person is known, and only if their roles open the page.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  usePageFocus(mainRef);
  useSessionExpiry(isPublicPath);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const isPublic = isPublicPath(pathname);
  const me = useMe();
  const viewer = useViewer();
  useAccountLanguage(viewer.me?.locale);

  // Focus moves by script rather than by `#main` in the URL, which the router would treat as
  // a navigation.
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name" lang="ja">
              {t('app.name')}
            </span>
            <span className="brand__latin" lang="en">
              {t('app.latinName')}
            </span>
          </Link>
          <div className="app-header__context">
            <FiscalYearBadge />
            <LanguageSwitch />
            {viewer.me && !isPublic ? (
              <Suspense fallback={null}>
                <UserMenu me={viewer.me} />
              </Suspense>
            ) : null}
          </div>
        </div>
      </header>
      <div className={isPublic ? 'app-body app-body--public' : 'app-body'}>
        {isPublic ? null : <MainNav />}
        <main id="main" className="app-main" tabIndex={-1} ref={mainRef}>
          {isPublic ? (
            <Outlet />
          ) : me.isError && !me.isFetching ? (
            <ErrorState error={me.error} onRetry={() => void me.refetch()} />
          ) : !viewer.me ? (
            <LoadingState />
          ) : mayOpen(viewer, pathname) ? (
            <Outlet />
          ) : (
            <NotAllowedPage />
          )}
        </main>
      </div>
    </div>
  );
}

/**
 * After a client-side navigation, focus the new page's title so screen-reader and keyboard users
 * start reading there (a full page load does this by itself). Search-only changes keep focus.
 */
function usePageFocus(mainRef: RefObject<HTMLElement | null>): void {
  // The resolved location changes in the same render as the new page, so the effect below finds
  // the new page's title (the plain location changes earlier, while the old page is still shown).
  const pathname = useRouterState({ select: (state) => state.resolvedLocation?.pathname });
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    const isFirstPage = previous.current === undefined;
    previous.current = pathname;
    if (isFirstPage) return;
    const main = mainRef.current;
    const title = main?.querySelector<HTMLElement>('[data-page-title]');
    (title ?? main)?.focus();
  }, [pathname, mainRef]);
}
