// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type JSX } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyScreen } from '../../renderer/src/lazyScreen';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A screen with state, like the practice screen's "Grading…" button. */
function Counter(props: { readonly label: string }): JSX.Element {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      {props.label} {count}
    </button>
  );
}

function Report(): JSX.Element {
  return <h1>Report</h1>;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('lazyScreen', () => {
  it('shows the screen as soon as its chunk has loaded, with every timer frozen (a paused fake clock)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date', 'performance', 'requestAnimationFrame'] });
    const chunk = deferred<typeof Report>();
    const { Screen } = lazyScreen('report', () => chunk.promise);
    render(<Screen />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    await act(async () => {
      chunk.resolve(Report);
      await chunk.promise;
    });
    expect(screen.getByRole('heading', { name: 'Report' })).toBeTruthy();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('renders a loaded screen at once, without "Loading…"', async () => {
    const lazy = lazyScreen('report', () => Promise.resolve(Report));
    await lazy.preload();
    render(<lazy.Screen />);
    expect(screen.getByRole('heading', { name: 'Report' })).toBeTruthy();
  });

  it('loads the chunk once however many times the screen is shown', async () => {
    const load = vi.fn(() => Promise.resolve(Report));
    const lazy = lazyScreen('report', load);
    const first = render(<lazy.Screen />);
    await screen.findByRole('heading', { name: 'Report' });
    first.unmount();
    render(<lazy.Screen />);
    await lazy.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('going back to a screen while the next one is still loading gives a fresh screen, not the previous one with its state', async () => {
    const practice = lazyScreen('practice', () => Promise.resolve(Counter));
    await practice.preload();
    const reportChunk = deferred<typeof Report>();
    const report = lazyScreen('report', () => reportChunk.promise);
    function Shell(props: { readonly at: 'practice' | 'report' }): JSX.Element {
      return props.at === 'practice' ? <practice.Screen label="Submitted" /> : <report.Screen />;
    }
    const view = render(<Shell at="practice" />);
    fireEvent.click(screen.getByRole('button', { name: 'Submitted 0' }));
    expect(screen.getByRole('button', { name: 'Submitted 1' })).toBeTruthy();

    view.rerender(<Shell at="report" />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(screen.queryByRole('button', { hidden: true })).toBeNull();

    view.rerender(<Shell at="practice" />);
    expect(screen.getByRole('button', { name: 'Submitted 0' })).toBeTruthy();
    reportChunk.resolve(Report);
  });

  it('says which screen failed to load, and tries again on the next visit', async () => {
    let attempts = 0;
    const lazy = lazyScreen('history', () => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('chunk missing')) : Promise.resolve(Report);
    });
    const first = render(<lazy.Screen />);
    expect((await screen.findByRole('alert')).textContent).toContain('The history screen could not be loaded');
    expect(screen.getByRole('alert').textContent).toContain('chunk missing');
    first.unmount();
    render(<lazy.Screen />);
    expect(await screen.findByRole('heading', { name: 'Report' })).toBeTruthy();
  });
});
