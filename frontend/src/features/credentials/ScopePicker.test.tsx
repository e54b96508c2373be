import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { ScopePicker } from './ScopePicker';
import { emptyScopeSelection, scopesFromSelection } from './token-form-model';

describe('ScopePicker', () => {
  it('offers tokens:rotate-self as a checkbox of its own, apart from the group levels', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<ScopePicker value={emptyScopeSelection()} onChange={onChange} />);

    const box = screen.getByRole('checkbox', { name: /Rotate itself/ });
    expect(box).not.toBeChecked();
    await user.click(box);
    const selection = onChange.mock.calls[0][0];
    expect(scopesFromSelection(selection)).toEqual(['tokens:rotate-self']);
    expect(selection.tokens).toBe('none');
  });
});
