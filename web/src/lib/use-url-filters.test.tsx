import { act, render } from '@testing-library/react';
import { BrowserRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useUrlFilters } from './use-url-filters';

type Update = ReturnType<typeof useUrlFilters<'q' | 'overdue'>>[1];

/** The update function of every render of the probe, oldest first. */
const updates: Update[] = [];

function Probe() {
  const [, update] = useUrlFilters(['q', 'overdue'] as const);
  updates.push(update);
  return null;
}

describe('list filters in the address (useUrlFilters)', () => {
  it('keeps a change the page has not re-rendered for yet when the next one comes', () => {
    window.history.replaceState(null, '', '/tasks');
    render(
      <BrowserRouter>
        <Probe />
      </BrowserRouter>,
    );
    // Both changes come from the same render's function, as when 只看超期 is ticked and a search
    // entered before the page has drawn the tick (React Router renders navigations in a transition).
    const fromFirstRender = updates[0];
    if (!fromFirstRender) throw new Error('the probe did not render');
    act(() => {
      fromFirstRender({ overdue: '1' });
      fromFirstRender({ q: '督办' });
    });
    const params = new URLSearchParams(window.location.search);
    expect(params.get('overdue')).toBe('1');
    expect(params.get('q')).toBe('督办');
    act(() => fromFirstRender({ overdue: undefined }));
    expect(window.location.search).toBe(`?q=${encodeURIComponent('督办')}`);
  });
});
