import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { AppHeader, SkipLink } from '../layout/app-header.tsx';
import { SignInPage } from './sign-in-page.tsx';

export interface SignInAppProps {
  queryClient: QueryClient;
  /** The address's query string, `?next=…&reason=…`. */
  search: string;
}

/**
 * The sign-in page in the frame of the public pages (skip link, header, main), with the words and
 * the query cache but without the router and its route table: the first page most people open
 * loads only what it shows. sign-in.tsx and the tests each supply query client and search.
 */
export function SignInApp({ queryClient, search }: SignInAppProps) {
  const mainRef = useRef<HTMLElement>(null);
  return (
    <QueryClientProvider client={queryClient}>
      <div className="app">
        <SkipLink mainRef={mainRef} />
        <AppHeader />
        <div className="app-body app-body--public">
          <main id="main" className="app-main" tabIndex={-1} ref={mainRef}>
            <SignInPage search={search} />
          </main>
        </div>
      </div>
    </QueryClientProvider>
  );
}
