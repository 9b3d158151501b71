// The sign-in page's own entry (sign-in.html): React, the words and the query cache, without the
// router of the rest of the app. The global styles first, as in main.tsx.
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignInApp } from './app/sign-in/sign-in-app.tsx';
import { i18nReady, includeWords, loadWords } from './lib/i18n.ts';
import { authJa } from './locales/auth.ja.ts';
import { createQueryClient } from './lib/query-client.ts';

const root = document.getElementById('root');
if (!root) throw new Error('sign-in.html has no #root element');

// Signing in's words come with the page, not after it (every other page loads them as a section).
includeWords('auth', authJa);
// A visitor who chose English waits for its catalogue rather than seeing Japanese flash first.
await Promise.all([i18nReady, loadWords('auth')]);
createRoot(root).render(
  <StrictMode>
    <SignInApp queryClient={createQueryClient()} search={window.location.search} />
  </StrictMode>,
);
