import { useEffect, useState, type ComponentType, type JSX } from 'react';

/**
 * A screen loaded from its own chunk the first time it is shown, without React's Suspense.
 *
 * Suspense was tried and dropped for two reasons. Its reveal of the loaded content is throttled by
 * a timer, so under a paused clock (the mock interview's e2e tests, a suspended laptop's timers)
 * a screen could stay on "Loading…". And while a boundary shows its fallback it keeps the previous
 * screen mounted but hidden: going back to that screen before the new one had loaded brought back
 * the hidden instance with its state — a practice screen still "Grading…" after its submission had
 * finished. Here the loader is a plain promise; when it resolves the screen's wrapper sets state
 * (no timer involved), and switching screens always unmounts the previous one.
 */
export interface LazyScreen<P extends object> {
  /** Renders "Loading…" until the chunk is there, then the screen (at once when already loaded). */
  readonly Screen: (props: P) => JSX.Element;
  /** Starts loading the chunk (idempotent): call it when the screen is likely to be opened next. */
  readonly preload: () => Promise<void>;
}

type LoadState<P> = { readonly status: 'loading' } | { readonly status: 'loaded'; readonly component: ComponentType<P> } | { readonly status: 'failed'; readonly message: string };

export function lazyScreen<P extends object>(name: string, load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let settled: LoadState<P> = { status: 'loading' };
  let loading: Promise<LoadState<P>> | undefined;

  const start = (): Promise<LoadState<P>> => {
    loading ??= load().then(
      (component): LoadState<P> => (settled = { status: 'loaded', component }),
      (error: unknown): LoadState<P> => {
        // A failed chunk load is not cached: the next visit of the screen tries again.
        loading = undefined;
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      },
    );
    return loading;
  };

  function Screen(props: P): JSX.Element {
    const [state, setState] = useState<LoadState<P>>(settled);
    useEffect(() => {
      if (state.status !== 'loading') return undefined;
      let current = true;
      void start().then((next) => {
        if (current) setState(next);
      });
      return () => {
        current = false;
      };
    }, [state.status]);

    if (state.status === 'loaded') {
      const Loaded = state.component;
      return <Loaded {...props} />;
    }
    if (state.status === 'failed') {
      return (
        <div className="notice notice-error" role="alert">
          <strong>The {name} screen could not be loaded</strong>
          <p>{state.message}</p>
        </div>
      );
    }
    return <p className="muted">Loading…</p>;
  }
  Screen.displayName = `Lazy(${name})`;

  return {
    Screen,
    preload: () => start().then(() => undefined),
  };
}
