import { act, screen } from '@testing-library/react';
import { memo } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../testing/test-utils.tsx';
import { ja } from '../locales/ja.ts';
import { i18n, useTranslation } from './i18n.ts';

/** Memoised, as many components are: only a new `t` renders it again. */
const LoadingWords = memo(function LoadingWords() {
  const { t } = useTranslation();
  return <p>{t('common.loading')}</p>;
});

describe('the words of the UI', () => {
  it('shows the new language once it is switched to', async () => {
    renderWithProviders(<LoadingWords />);
    screen.getByText('読み込み中…');

    act(() => i18n.changeLanguage('en'));

    screen.getByText('Loading…');
    expect(screen.queryByText('読み込み中…')).toBeNull();
  });

  it('shows words that arrive after the component did (a section loading)', () => {
    renderWithProviders(<LoadingWords />);
    screen.getByText('読み込み中…');

    act(() => {
      i18n.addWords('ja', { common: { loading: '少々お待ちください' } });
    });

    try {
      screen.getByText('少々お待ちください');
    } finally {
      i18n.addWords('ja', { common: ja.common });
    }
  });
});
