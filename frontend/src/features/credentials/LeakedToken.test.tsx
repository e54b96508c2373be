import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { ApiTokenDetail } from '../../api/types';
import { serveTokenList } from '../../test/api-recorder';
import { aPage, aToken } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { server } from '../../test/server';
import { CredentialsTab } from './CredentialsTab';
import { TokenDetailDrawer } from './TokenDetailDrawer';

const leaked = aToken({
  name: 'Pushed by mistake',
  state: 'revoked',
  status: 'REVOKED',
  revokedBy: 'leaked',
  leak: { source: 'github (commit)', url: 'https://github.com/octo/app/commit/abc', reportedAt: '2026-12-01T21:00:00Z', dismissedAt: null },
});

describe('a token revoked because it leaked', () => {
  it('is tagged in the list, and the banner above the list opens it', async () => {
    const user = userEvent.setup();
    serveTokenList(aPage([leaked, aToken({ name: 'Healthy' })]));
    server.use(
      http.get('/api/users/me/token-leaks', () =>
        HttpResponse.json([{ tokenId: leaked.id, tokenName: leaked.name, tokenPreview: leaked.tokenPreview, source: 'github (commit)', url: leaked.leak!.url, reportedAt: leaked.leak!.reportedAt }]),
      ),
    );
    const onOpenToken = vi.fn();
    renderWithProviders(<CredentialsTab openTokenId={null} onOpenToken={onOpenToken} onCloseToken={vi.fn()} />);

    const row = (await screen.findByText('Pushed by mistake', { selector: 'td *' })).closest('tr')!;
    expect(within(row).getByText('Revoked')).toBeInTheDocument();
    expect(within(row).getByText('Leaked')).toBeInTheDocument();
    expect(within(screen.getByText('Healthy').closest('tr')!).queryByText('Leaked')).not.toBeInTheDocument();

    const banner = screen.getByTestId(`leak-banner-${leaked.id}`);
    // The banner sits above the list.
    expect(banner.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(within(banner).getByRole('button', { name: 'Show token' }));
    expect(onOpenToken).toHaveBeenCalledWith(leaked.id);
  });

  it('says in its detail where it was found and when', async () => {
    const detail: ApiTokenDetail = {
      ...leaked,
      usageSummary: { totalRequests: 0, successCount: 0, failureCount: 0, successRate: 0, totalCost: 0, last7DaysRequests: 0, last30DaysRequests: 0 },
      retiredSecrets: [],
      recentIps: [],
    };
    server.use(
      http.get(`/api/users/me/api-tokens/${leaked.id}`, () => HttpResponse.json(detail)),
      http.get(`/api/users/me/api-tokens/${leaked.id}/usage`, () => HttpResponse.json({ tokenId: leaked.id, days: 30, from: '2026-11-01', to: '2026-11-30', points: [] })),
    );
    renderWithProviders(<TokenDetailDrawer tokenId={leaked.id} refreshKey={0} onClose={vi.fn()} />);

    const details = await screen.findByTestId('leak-details');
    expect(within(details).getByText('Revoked because it was found in public')).toBeInTheDocument();
    expect(within(details).getByText('github (commit)')).toBeInTheDocument();
    expect(within(details).getByRole('link', { name: 'https://github.com/octo/app/commit/abc' })).toHaveAttribute('href', 'https://github.com/octo/app/commit/abc');
    expect(within(details).getByText(/^Reported: .*2026/)).toBeInTheDocument();
    expect(screen.getByText('Leaked')).toBeInTheDocument();
  });
});
