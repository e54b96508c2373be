import { screen, within } from '@testing-library/react';
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

  it('makes each scope group its own radio group, named by its visible label', () => {
    renderWithProviders(<ScopePicker value={emptyScopeSelection()} onChange={vi.fn()} />);

    const groups = screen.getAllByRole('radiogroup');
    expect(groups.map((group) => group.getAttribute('aria-labelledby') && document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent)).toEqual([
      'Account',
      'Tokens',
      'Usage',
    ].map((label) => expect.stringContaining(label)));
    for (const label of ['Account', 'Tokens', 'Usage']) {
      expect(screen.getByRole('radiogroup', { name: new RegExp(label) })).toBeInTheDocument();
    }
    const namesPerGroup = groups.map((group) => new Set([...group.querySelectorAll('input[type=radio]')].map((radio) => radio.getAttribute('name'))));
    // one name inside a group (arrow keys move within it)…
    for (const names of namesPerGroup) expect(names.size).toBe(1);
    // …and a different one in every group (arrow keys never cross into the next group)
    expect(new Set(namesPerGroup.map((names) => [...names][0])).size).toBe(groups.length);
  });

  it('changes only the group whose radio was chosen', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<ScopePicker value={emptyScopeSelection()} onChange={onChange} />);

    const tokens = screen.getByRole('radiogroup', { name: /Tokens/ });
    await user.click(within(tokens).getByText('Write'));
    expect(scopesFromSelection(onChange.mock.calls[0][0])).toEqual(['tokens:write']);
  });
});
