import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CredentialsTab } from '../features/credentials/CredentialsTab';
import { LANGUAGE_STORAGE_KEY } from '../i18n';
import { serveTokenList } from '../test/api-recorder';
import { aPage, aToken } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { LanguageSwitch } from './LanguageSwitch';

describe('LanguageSwitch', () => {
  it('switches our copy and antd’s own texts to Chinese and remembers the choice', async () => {
    const user = userEvent.setup();
    serveTokenList((url) =>
      url.searchParams.get('search') ? aPage([]) : aPage([aToken({ name: 'CI deploy' })], { total: 30, totalPages: 3 }),
    );
    renderWithProviders(
      <>
        <LanguageSwitch />
        <CredentialsTab openTokenId={null} onOpenToken={vi.fn()} onCloseToken={vi.fn()} />
      </>,
    );
    await screen.findByText('CI deploy');
    expect(screen.getByText('10 / page')).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Language' }));
    await user.click(await screen.findByTitle('简体中文'));

    expect(await screen.findByRole('button', { name: /新建令牌/ })).toBeInTheDocument();
    expect(screen.getByText('10 条/页')).toBeInTheDocument();
    expect(screen.getByText('有效')).toBeInTheDocument();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    // Screen readers take the voice from <html lang>: it follows the choice.
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));

    await user.type(screen.getByRole('searchbox', { name: '搜索令牌' }), 'nothing{Enter}');
    await waitFor(() => expect(screen.getAllByText('暂无数据').length).toBeGreaterThan(0));
  });
});
