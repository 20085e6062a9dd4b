import { Component, type ErrorInfo, type JSX, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | undefined;
}

/** Anything that throws while rendering ends here, with a message and a way back, never a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Sysdrill screen failed', error, info.componentStack);
  }

  private readonly goHome = (): void => {
    window.location.hash = '#/';
    this.setState({ error: undefined });
  };

  override render(): JSX.Element | ReactNode {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    return (
      <main className="screen">
        <div className="notice notice-error" role="alert">
          <h1>Something went wrong</h1>
          <p>{error.message}</p>
          <button type="button" onClick={this.goHome}>
            Back to the prompt list
          </button>
        </div>
      </main>
    );
  }
}
