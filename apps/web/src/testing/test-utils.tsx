import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { App } from '../app/app.tsx';
import { createAppRouter } from '../app/router.tsx';
import { SignInApp } from '../app/sign-in/sign-in-app.tsx';
import { i18n } from '../lib/i18n.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { en } from '../locales/en.ts';
import { ja } from '../locales/ja.ts';

// Components render below any route here, so no loader fetches their words: all of them are
// there from the start, in both languages.
beforeAll(() => {
  i18n.addWords('ja', ja);
  i18n.addWords('en', en);
});

// Every test starts in the default language with nothing remembered, and leaves no DOM or
// stubbed fetch behind (vitest runs without globals, so testing-library cannot do this itself).
beforeEach(async () => {
  localStorage.clear();
  i18n.changeLanguage('ja');
  // jsdom has no scrolling; the router's scroll restoration would log on every navigation.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function testQueryClient() {
  const queryClient = createQueryClient();
  // Failures should show at once, not after the production retry back-off.
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  return queryClient;
}

/** Renders the whole app at `path` with its own router and an empty query cache. */
export async function renderApp(path: string) {
  const queryClient = testQueryClient();
  const router = createAppRouter({
    queryClient,
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  await router.load();
  return { router, ...render(<App queryClient={queryClient} router={router} />) };
}

/** Renders the sign-in page (its own entry, without the router) for the query string `search`. */
export function renderSignIn(search = '') {
  return render(<SignInApp queryClient={testQueryClient()} search={search} />);
}

/** Renders one component with translations and a query cache, for tests below page level. */
export function renderWithProviders(ui: ReactElement) {
  return render(<QueryClientProvider client={testQueryClient()}>{ui}</QueryClientProvider>);
}
