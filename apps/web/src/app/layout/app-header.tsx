import type { ComponentType, MouseEvent, ReactNode, RefObject } from 'react';
import { useTranslation } from '../../lib/i18n.ts';
import { FiscalYearBadge } from '../../features/fiscal-years/components/fiscal-year-badge.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import './app-layout.css';

/** What a link home gets from the header: its look and its content. */
export interface HomeLinkProps {
  className: string;
  children: ReactNode;
}

/** A plain link home, for pages outside the single-page app (sign-in). */
function PlainHomeLink(props: HomeLinkProps) {
  return <a href="/" {...props} />;
}

/**
 * "Skip to content", first in the tab order. Focus moves by script rather than by `#main` in the
 * URL, which the router would treat as a navigation.
 */
export function SkipLink({ mainRef }: { mainRef: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  };
  return (
    <a className="skip-link" href="#main" onClick={skipToMain}>
      {t('skipToContent')}
    </a>
  );
}

/**
 * The header of every page, sign-in included: product (a link home), fiscal year, language, and
 * `children` (the signed-in person's menu). It stays free of the router, which the sign-in page
 * does without: the single-page app passes its router's link as `homeLink`.
 */
export function AppHeader({
  homeLink: HomeLink = PlainHomeLink,
  children,
}: {
  homeLink?: ComponentType<HomeLinkProps>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <HomeLink className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name" lang="ja">
            {t('app.name')}
          </span>
          <span className="brand__latin" lang="en">
            {t('app.latinName')}
          </span>
        </HomeLink>
        <div className="app-header__context">
          <FiscalYearBadge />
          <LanguageSwitch />
          {children}
        </div>
      </div>
    </header>
  );
}
