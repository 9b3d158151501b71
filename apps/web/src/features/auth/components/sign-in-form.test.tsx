import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ME_LEARNER, MINISTRY } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/test-utils.tsx';

const SIGNED_OUT = {
  status: 401,
  body: { error: { code: 'UNAUTHENTICATED', message: 'Sign in first' }, requestId: 't' },
};

function error(status: number, code: string, message: string, details?: object) {
  return { status, body: { error: { code, message, details }, requestId: 'req-1' } };
}

function fill(login: string, password: string) {
  fireEvent.change(screen.getByLabelText(/職員番号またはメールアドレス/), {
    target: { value: login },
  });
  fireEvent.change(screen.getByLabelText(/^パスワード/), { target: { value: password } });
}

/** The headers of a fetch call's init argument. */
function headersOf(init: unknown): Headers {
  const headers =
    typeof init === 'object' && init !== null && 'headers' in init ? init.headers : undefined;
  if (headers instanceof Headers) return headers;
  if (typeof headers !== 'object' || headers === null) return new Headers();
  return new Headers(
    Object.entries(headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'ログイン' }));

describe('sign-in', () => {
  it('sends strangers to sign-in, remembering the page they wanted', async () => {
    mockApi({ '/api/auth/me': () => SIGNED_OUT });
    const { router } = await renderApp('/organisation?unit=7');
    await screen.findByRole('heading', { level: 1, name: 'ログイン' }, { timeout: 10_000 });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toEqual({ next: '/organisation?unit=7' });
    expect(screen.queryByRole('navigation', { name: 'メインメニュー' })).toBeNull();
  });

  it('names the empty fields, ties each message to its field, and focuses the first', async () => {
    const fetchMock = mockApi({ '/api/auth/me': () => SIGNED_OUT });
    await renderApp('/sign-in');
    submit();
    const login = await screen.findByLabelText(/職員番号またはメールアドレス/);
    const message = screen.getByText('職員番号またはメールアドレスを入力してください。');
    expect(login.getAttribute('aria-invalid')).toBe('true');
    expect(login.getAttribute('aria-describedby')).toContain(message.id);
    expect(document.activeElement).toBe(login);
    screen.getByText('パスワードを入力してください。');
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('sign-in'))).toBe(false);
  });

  it('gives one message for wrong credentials, focuses it and empties the password', async () => {
    mockApi({
      '/api/auth/me': () => SIGNED_OUT,
      '/api/auth/sign-in': () =>
        error(401, 'UNAUTHENTICATED', 'The staff number, e-mail or password is not right'),
    });
    await renderApp('/sign-in');
    fill('S0001', 'wrong password');
    submit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      '職員番号・メールアドレスまたはパスワードが正しくありません。',
    );
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect((screen.getByLabelText(/^パスワード/) as HTMLInputElement).value).toBe('');
  });

  it('says how long to wait when locked out', async () => {
    mockApi({
      '/api/auth/me': () => SIGNED_OUT,
      '/api/auth/sign-in': () =>
        error(429, 'RATE_LIMITED', 'Too many failed sign-ins. Try again later.', {
          retryAfterSeconds: 541,
        }),
    });
    await renderApp('/sign-in');
    fill('S0001', 'whatever');
    submit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('10分ほど待ってから');
  });

  it('tells a network failure apart from a refusal', async () => {
    mockApi({ '/api/auth/me': () => SIGNED_OUT });
    const offline = vi.fn(async (input: RequestInfo | URL) => {
      if (String(input).includes('/api/auth/sign-in')) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(SIGNED_OUT.body), { status: 401 });
    });
    vi.stubGlobal('fetch', offline);
    await renderApp('/sign-in');
    fill('S0001', 'kenshu-demo');
    submit();
    expect((await screen.findByRole('alert')).textContent).toContain('サーバーに接続できません');
  });

  it('goes to the page wanted after signing in, sending the CSRF token from then on', async () => {
    let signedIn = false;
    const fetchMock = mockApi({
      '/api/auth/me': () => (signedIn ? { body: ME_LEARNER } : SIGNED_OUT),
      '/api/auth/sign-in': () => {
        signedIn = true;
        return { body: ME_LEARNER };
      },
      '/api/org-units': () => ({ body: { items: MINISTRY } }),
      '/api/auth/sessions': () => ({
        body: {
          items: [
            {
              id: '00000000-0000-4000-8000-000000000001',
              createdAt: '2026-04-01T00:00:00Z',
              lastSeenAt: '2026-04-01T00:10:00Z',
              expiresAt: '2026-04-01T12:00:00Z',
              userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 Safari/537.36',
              clientAddress: '10.0.0.5',
              current: false,
            },
          ],
        },
      }),
      '/api/auth/sessions/end-others': () => ({ body: { ended: 1 } }),
    });
    const { router } = await renderApp('/sign-in?next=%2Faccount%2Fsessions');
    fill('S0001', 'kenshu-demo');
    submit();
    // The first visit compiles the page's lazily loaded module, which takes a moment in tests.
    await screen.findByRole('heading', { level: 1, name: 'ログイン中の端末' }, { timeout: 10_000 });
    expect(router.state.location.pathname).toBe('/account/sessions');
    // A learner's menu has no admin entries; their name is in the header.
    const menu = screen.getByRole('navigation', { name: 'メインメニュー' });
    expect(menu.textContent).not.toContain('アカウントと役割');
    screen.getByRole('button', { name: 'アカウント: 山田 花子' });

    // Requests after sign-in carry the new session's CSRF token.
    fireEvent.click(
      await screen.findByRole('button', { name: 'ほかの端末のログインをすべて終了' }),
    );
    await screen.findByText('ほかの端末のログインを1件終了しました。');
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([url]) => String(url).includes('end-others'))).toBe(true),
    );
    const endOthers: readonly unknown[] =
      fetchMock.mock.calls.find(([url]) => String(url).includes('end-others')) ?? [];
    expect(headersOf(endOthers[1]).get('x-csrf-token')).toBe(ME_LEARNER.csrfToken);
  });

  it('shows a learner the not-allowed page on an admin page', async () => {
    mockApi({ '/api/auth/me': () => ({ body: ME_LEARNER }) });
    await renderApp('/admin/accounts');
    await screen.findByRole(
      'heading',
      { level: 1, name: 'このページを表示する権限がありません' },
      { timeout: 10_000 },
    );
  });
});
