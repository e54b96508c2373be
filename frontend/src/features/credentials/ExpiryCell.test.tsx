import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { ExpiryCell } from './ExpiryCell';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000 + 60_000).toISOString();

describe('ExpiryCell', () => {
  it('takes "expiring soon" from the server\'s flag, not from a window of its own', () => {
    // 10 days out is outside a 7-day window, but a server with EXPIRY_NOTICE_DAYS=14 flags it.
    renderWithProviders(<ExpiryCell expiresAt={inDays(10)} expiringSoon />);
    expect(screen.getByText('in 10 days')).toHaveClass('ant-typography-warning');
  });

  it('shows a token 3 days out in the plain colour when the server does not flag it (EXPIRY_NOTICE_DAYS=1)', () => {
    renderWithProviders(<ExpiryCell expiresAt={inDays(3)} expiringSoon={false} />);
    expect(screen.getByText('in 3 days')).not.toHaveClass('ant-typography-warning');
  });
});
