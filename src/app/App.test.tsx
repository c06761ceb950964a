import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { createInitialState, studioStore } from './store/studioStore.ts';

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

describe('App', () => {
  beforeEach(() => studioStore.setState(createInitialState(), true));

  it('says it is opening projects until storage has been read, then offers the benchmarks', () => {
    render(<App />);
    expect(screen.getByText(/Opening your projects/)).toBeTruthy();
    act(() => studioStore.setState({ hydrated: true }));
    expect(screen.getByTestId('welcome.covid')).toBeTruthy();
    expect(screen.getByTestId('welcome.blank')).toBeTruthy();
  });

  it('shows the Knowledge step of an open project and switches steps with Alt+number', async () => {
    act(() =>
      studioStore.setState({
        hydrated: true,
        meta: { id: 'p', name: 'Mine', env: null, createdAt: 0, updatedAt: 0 },
        projects: [{ id: 'p', name: 'Mine', env: null, createdAt: 0, updatedAt: 0 }],
        knowledge: '# Hello',
      }),
    );
    render(<App />);
    expect((screen.getByTestId('knowledge.text') as HTMLTextAreaElement).value).toBe('# Hello');
    fireEvent.keyDown(window, { key: '9', altKey: true });
    expect(studioStore.getState().panel).toBe('history');
    // Lazy panels can take more than findBy's 1 s default on a loaded 2-core CI machine.
    expect(await screen.findByTestId('history.empty', {}, { timeout: 15_000 })).toBeTruthy();
  });
});
