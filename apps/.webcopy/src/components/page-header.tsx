import type { ReactNode } from 'react';

/**
 * A page's title and introduction. The heading takes focus after each navigation (see the
 * layout), so it is focusable by script but not in the tab order.
 */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1 className="page-header__title" tabIndex={-1} data-page-title="">
        {title}
      </h1>
      {children ? <div className="page-header__intro">{children}</div> : null}
    </div>
  );
}
