/** Set once a page load is under way: this page is on its way out. */
let leaving = false;

/**
 * Opens `href` with a full page load, as for the sign-in page, which is a page of its own. What
 * this page held in memory (the query cache, the CSRF token) goes with it; `replace` takes this
 * page out of the history, as a redirect would. The first call wins: a sign-out on its way to the
 * sign-in page is not overtaken by a request that the ended session answers with 401.
 */
export function loadPage(href: string, { replace = false }: { replace?: boolean } = {}): void {
  if (leaving) return;
  leaving = true;
  // The browser may keep this page as it is to show again on "back" (back/forward cache): after
  // a sign-out that would be someone's data on a shared screen, so it loads afresh instead.
  const reloadIfKept = (event: PageTransitionEvent) => {
    if (event.persisted) window.location.reload();
  };
  window.addEventListener('pageshow', reloadIfKept, { once: true });
  if (replace) window.location.replace(href);
  else window.location.assign(href);
}
