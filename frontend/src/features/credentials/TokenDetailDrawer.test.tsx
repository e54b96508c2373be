import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { ApiTokenDetail, TokenUsageSeries } from '../../api/types';
import { aToken } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { server } from '../../test/server';
import { TokenDetailDrawer } from './TokenDetailDrawer';

describe('TokenDetailDrawer', () => {
  it('shows the settings, the usage summary and a chart of the last 30 days', async () => {
    const token: ApiTokenDetail = {
      ...aToken({ name: 'CI deploy', rateLimit: 60, quotaLimit: null }),
      usageSummary: {
        totalRequests: 1234,
        successCount: 1200,
        failureCount: 34,
        successRate: 0.9724,
        totalCost: 1300,
        last7DaysRequests: 200,
        last30DaysRequests: 900,
      },
    };
    const usage: TokenUsageSeries = {
      tokenId: token.id,
      days: 30,
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-30T23:59:59.999Z',
      points: [{ date: '2025-03-02', requests: 10, successes: 9, failures: 1, cost: 10 }],
    };
    const usageQuery = vi.fn();
    server.use(
      http.get(`/api/users/me/api-tokens/${token.id}`, () => HttpResponse.json(token)),
      http.get(`/api/users/me/api-tokens/${token.id}/usage`, ({ request }) => {
        usageQuery(new URL(request.url).searchParams.get('days'));
        return HttpResponse.json(usage);
      }),
    );
    renderWithProviders(<TokenDetailDrawer tokenId={token.id} refreshKey={0} onClose={vi.fn()} />);

    expect(await screen.findByText('97.2%')).toBeInTheDocument();
    expect(screen.getByText('1,234')).toBeInTheDocument();
    expect(screen.getAllByText('0 / Unlimited')).toHaveLength(2);
    expect(await screen.findByRole('img', { name: /successful and failed requests per day/ })).toBeInTheDocument();
    expect(usageQuery).toHaveBeenCalledWith('30');
  });
});
