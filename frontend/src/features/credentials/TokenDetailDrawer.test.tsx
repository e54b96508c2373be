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
      recentIps: [],
      usageSummary: {
        totalRequests: 1234,
        successCount: 1200,
        failureCount: 34,
        successRate: 0.9724,
        totalCost: 1300,
        last7DaysRequests: 200,
        last30DaysRequests: 900,
      },
      retiredSecrets: [],
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
    expect(screen.getByText('Any address')).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: /successful and failed requests per day/ })).toBeInTheDocument();
    expect(usageQuery).toHaveBeenCalledWith('30');
  });

  it('lists the IP allowlist and the addresses the token was last used from', async () => {
    const token: ApiTokenDetail = {
      ...aToken({ name: 'office only', allowedIps: ['203.0.113.7', '2001:db8::/32'] }),
      usageSummary: { totalRequests: 0, successCount: 0, failureCount: 0, successRate: 0, totalCost: 0, last7DaysRequests: 0, last30DaysRequests: 0 },
      retiredSecrets: [],
      recentIps: [
        { ip: '203.0.113.7', lastUsedAt: new Date(Date.now() - 2 * 60_000).toISOString() },
        { ip: '198.51.100.20', lastUsedAt: new Date(Date.now() - 3 * 3600_000).toISOString() },
      ],
    };
    server.use(
      http.get(`/api/users/me/api-tokens/${token.id}`, () => HttpResponse.json(token)),
      http.get(`/api/users/me/api-tokens/${token.id}/usage`, () =>
        HttpResponse.json({ tokenId: token.id, days: 30, from: '2025-03-01T00:00:00.000Z', to: '2025-03-30T23:59:59.999Z', points: [] }),
      ),
    );
    renderWithProviders(<TokenDetailDrawer tokenId={token.id} refreshKey={0} onClose={vi.fn()} />);

    expect(await screen.findByText('2001:db8::/32')).toBeInTheDocument();
    expect(screen.getAllByText('203.0.113.7')).toHaveLength(2); // allowlist and last used from
    expect(screen.getByText('Last used from')).toBeInTheDocument();
    expect(screen.getByText('198.51.100.20')).toBeInTheDocument();
    expect(screen.getByText('3 hours ago')).toBeInTheDocument();
    expect(screen.getByText('Allowed IPs')).toBeInTheDocument();
    expect(screen.queryByText('Any address')).not.toBeInTheDocument();
  });

  it('shows the last refused call apart from the last admitted one, with its reason', async () => {
    const token: ApiTokenDetail = {
      ...aToken({ name: 'refused once', lastUsedAt: new Date(Date.now() - 3 * 3600_000).toISOString(), lastUsedIp: '203.0.113.7' }),
      lastRefusedAt: new Date(Date.now() - 2 * 60_000).toISOString(),
      lastRefusedCode: 'IP_NOT_ALLOWED',
      usageSummary: { totalRequests: 0, successCount: 0, failureCount: 0, successRate: 0, totalCost: 0, last7DaysRequests: 0, last30DaysRequests: 0 },
      retiredSecrets: [],
      recentIps: [],
    };
    server.use(
      http.get(`/api/users/me/api-tokens/${token.id}`, () => HttpResponse.json(token)),
      http.get(`/api/users/me/api-tokens/${token.id}/usage`, () =>
        HttpResponse.json({ tokenId: token.id, days: 30, from: '2025-03-01T00:00:00.000Z', to: '2025-03-30T23:59:59.999Z', points: [] }),
      ),
    );
    renderWithProviders(<TokenDetailDrawer tokenId={token.id} refreshKey={0} onClose={vi.fn()} />);

    expect(await screen.findByText('Last refused')).toBeInTheDocument();
    expect(screen.getByText('(IP_NOT_ALLOWED)')).toBeInTheDocument();
    expect(screen.getByText('2 minutes ago')).toBeInTheDocument();
    expect(screen.getByText('3 hours ago')).toBeInTheDocument();
  });

  it('shows no refusal row for a token never refused', async () => {
    const token: ApiTokenDetail = {
      ...aToken({ name: 'never refused' }),
      usageSummary: { totalRequests: 0, successCount: 0, failureCount: 0, successRate: 0, totalCost: 0, last7DaysRequests: 0, last30DaysRequests: 0 },
      retiredSecrets: [],
      recentIps: [],
    };
    server.use(
      http.get(`/api/users/me/api-tokens/${token.id}`, () => HttpResponse.json(token)),
      http.get(`/api/users/me/api-tokens/${token.id}/usage`, () =>
        HttpResponse.json({ tokenId: token.id, days: 30, from: '2025-03-01T00:00:00.000Z', to: '2025-03-30T23:59:59.999Z', points: [] }),
      ),
    );
    renderWithProviders(<TokenDetailDrawer tokenId={token.id} refreshKey={0} onClose={vi.fn()} />);
    expect(await screen.findByText('never refused')).toBeInTheDocument();
    expect(screen.queryByText('Last refused')).not.toBeInTheDocument();
  });

  it('counts down the old secret\'s grace and warns about a rotated-out secret that is still being used', async () => {
    const graceUntil = new Date(Date.now() + 2 * 3600_000 + 30_000).toISOString();
    const token: ApiTokenDetail = {
      ...aToken({ name: 'rotated', rotatedAt: new Date().toISOString(), graceUntil }),
      recentIps: [],
      usageSummary: { totalRequests: 0, successCount: 0, failureCount: 0, successRate: 0, totalCost: 0, last7DaysRequests: 0, last30DaysRequests: 0 },
      retiredSecrets: [
        { tokenPreview: 'tsr_New1…abcd', retiredAt: new Date().toISOString(), graceUntil, reuseCount: 0, lastReusedAt: null, lastReusedIp: null },
        {
          tokenPreview: 'tsr_Old1…wxyz',
          retiredAt: '2025-01-01T00:00:00.000Z',
          graceUntil: '2025-01-01T00:00:00.000Z',
          reuseCount: 3,
          lastReusedAt: new Date(Date.now() - 60_000).toISOString(),
          lastReusedIp: '203.0.113.9',
        },
      ],
    };
    server.use(
      http.get(`/api/users/me/api-tokens/${token.id}`, () => HttpResponse.json(token)),
      http.get(`/api/users/me/api-tokens/${token.id}/usage`, () =>
        HttpResponse.json({ tokenId: token.id, days: 30, from: '2025-03-01T00:00:00.000Z', to: '2025-03-30T23:59:59.999Z', points: [] }),
      ),
    );
    renderWithProviders(<TokenDetailDrawer tokenId={token.id} refreshKey={0} onClose={vi.fn()} />);

    expect(await screen.findByRole('timer')).toHaveTextContent(/works for 02:00:(29|30) more/);
    expect(screen.getByText(/tsr_Old1…wxyz was used 3 time\(s\) after it was rotated out, .* from 203\.0\.113\.9/)).toBeInTheDocument();
    expect(screen.queryByText(/tsr_New1…abcd was used/)).not.toBeInTheDocument();
  });
});
