import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { INTL_LOCALES, useLanguage } from '../lib/i18n.ts';
import type { createAppRouter } from './router.tsx';

export interface AppProps {
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
}

/** The whole app with its providers; main.tsx and the tests each supply router and query client. */
export function App({ queryClient, router }: AppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <AriaLocale>
        <RouterProvider router={router} />
      </AriaLocale>
    </QueryClientProvider>
  );
}

/** react-aria's built-in words (a search field's clear button, "expand") follow the UI language. */
function AriaLocale({ children }: { children: ReactNode }) {
  const lang = useLanguage();
  return <I18nProvider locale={INTL_LOCALES[lang]}>{children}</I18nProvider>;
}
