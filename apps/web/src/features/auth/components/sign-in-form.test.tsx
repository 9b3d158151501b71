import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPage } from '../../../lib/load-page.ts';
import { ME_LEARNER } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp, renderSignIn } from '../../../testing/test-utils.tsx';

// jsdom cannot load another page: the test sees where the sign-in page would go.
vi.mock('../../../lib/load-page.ts', () => ({ loadPage: vi.fn() }));
beforeEach(() => vi.mocked(loadPage).mockReset());

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

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'ログイン' }));

describe('sign-in', () => {
  it('names the empty fields, ties each message to its field, and focuses the first', async () => {
    const fetchMock = mockApi({ '/api/auth/me': () => SIGNED_OUT });
    renderSignIn();
    await screen.findByRole('heading', { level: 1, name: 'ログイン' });
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
    renderSignIn();
    fill('S0001', 'wrong password');
    submit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      '職員番号・メールアドレスまたはパスワードが正しくありません。',
    );
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect((screen.getByLabelText(/^パスワード/) as HTMLInputElement).value).toBe('');
    expect(loadPage).not.toHaveBeenCalled();
  });

  it('says how long to wait when locked out', async () => {
    mockApi({
      '/api/auth/me': () => SIGNED_OUT,
      '/api/auth/sign-in': () =>
        error(429, 'RATE_LIMITED', 'Too many failed sign-ins. Try again later.', {
          retryAfterSeconds: 541,
        }),
    });
    renderSignIn();
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
    renderSignIn();
    fill('S0001', 'kenshu-demo');
    submit();
    expect((await screen.findByRole('alert')).textContent).toContain('サーバーに接続できません');
  });

  it('says why someone is here, in the frame of the public pages', async () => {
    mockApi({ '/api/auth/me': () => SIGNED_OUT });
    renderSignIn('?next=%2Fteam&reason=expired');
    await screen.findByText(
      '一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。',
    );
    await waitFor(() => expect(document.title).toBe('ログイン | 研修 Kenshu'));
    expect(screen.getByRole('banner').textContent).toContain('Kenshu');
    expect(screen.getByRole('link', { name: /Kenshu/ }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('radiogroup', { name: '表示言語' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'メインメニュー' })).toBeNull();
  });

  it('says nothing for a reason it does not know', async () => {
    mockApi({ '/api/auth/me': () => SIGNED_OUT });
    renderSignIn('?reason=somethingElse');
    await screen.findByRole('heading', { level: 1, name: 'ログイン' });
    expect(screen.queryByText(/ログアウトしました|パスワードを設定しました/)).toBeNull();
  });

  it('loads the page wanted after signing in, in place of the sign-in page', async () => {
    mockApi({
      '/api/auth/me': () => SIGNED_OUT,
      '/api/auth/sign-in': () => ({ body: ME_LEARNER }),
    });
    renderSignIn('?next=%2Faccount%2Fsessions%3Fshow%3Dall');
    fill('S0001', 'kenshu-demo');
    submit();
    await waitFor(() =>
      expect(loadPage).toHaveBeenCalledWith('/account/sessions?show=all', { replace: true }),
    );
  });

  // Each of these would take the person to another site after signing in: they go home.
  it.each(['//evil.example', 'https://evil.example/x', 'javascript:alert(1)', '/\\evil.example'])(
    'goes home, not to next=%j',
    async (next) => {
      mockApi({
        '/api/auth/me': () => SIGNED_OUT,
        '/api/auth/sign-in': () => ({ body: ME_LEARNER }),
      });
      renderSignIn(`?${new URLSearchParams({ next })}`);
      fill('S0001', 'kenshu-demo');
      submit();
      await waitFor(() => expect(loadPage).toHaveBeenCalledWith('/', { replace: true }));
      expect(loadPage).toHaveBeenCalledTimes(1);
    },
  );

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
