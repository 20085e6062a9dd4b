import { useEffect, useState } from 'react';
import type { Settings } from '../../../electron/ipc/contract';
import type { DiagramTheme } from '../mermaid/index';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemTheme(): DiagramTheme {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** The app theme resolved to light or dark (`system` follows the OS and its changes). */
export function useDiagramTheme(theme: Settings['theme']): DiagramTheme {
  const [system, setSystem] = useState<DiagramTheme>(systemTheme);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(DARK_QUERY);
    const onChange = (): void => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return theme === 'system' ? system : theme;
}
