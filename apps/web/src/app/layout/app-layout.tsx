import { Outlet, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useRef, type RefObject } from 'react';
import { ErrorState } from '../../components/error-state.tsx';
import { Link } from '../../components/link.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useSessionExpiry } from '../../features/auth/hooks/use-session-expiry.ts';
import { useAccountLanguage } from '../../lib/i18n.ts';
import { isPublicPath, mayOpen } from '../navigation.ts';
import { NotAllowedPage } from '../routes/not-allowed.tsx';
import { useViewer } from '../use-viewer.ts';
import { AppHeader, SkipLink, type HomeLinkProps } from './app-header.tsx';
import { MainNav } from './main-nav.tsx';
import './app-layout.css';

// The signed-in person's menu (popover, dialog) is not needed to show the public pages.
const UserMenu = lazy(() =>
  import('../../features/auth/components/user-menu.tsx').then((m) => ({ default: m.UserMenu })),
);

/** Home by the router, without reloading the app. */
function RouterHomeLink(props: HomeLinkProps) {
  return <Link to="/" {...props} />;
}

/**
 * The frame of every page: skip link, header (product, fiscal year, language, the signed-in
 * person), menu, main. The public pages get the header only; other pages render once the
 * person is known, and only if their roles open the page.
 */
export function AppLayout() {
  const mainRef = useRef<HTMLElement>(null);
  usePageFocus(mainRef);
  useSessionExpiry(isPublicPath);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const isPublic = isPublicPath(pathname);
  const me = useMe();
  const viewer = useViewer();
  useAccountLanguage(viewer.me?.locale);

  return (
    <div className="app">
      <SkipLink mainRef={mainRef} />
      <AppHeader homeLink={RouterHomeLink}>
        {viewer.me && !isPublic ? (
          <Suspense fallback={null}>
            <UserMenu me={viewer.me} />
          </Suspense>
        ) : null}
      </AppHeader>
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
