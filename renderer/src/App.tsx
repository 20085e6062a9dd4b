import { useEffect, type JSX } from 'react';
import type { Settings } from '../../electron/ipc/contract';
import { ErrorNotice } from './components/ErrorNotice';
import { HomeScreen } from './screens/HomeScreen';
import { PromptScreen } from './screens/PromptScreen';
import { routeHref } from './route';
import { useRoute } from './useRoute';
import { useSettings } from './useSettings';

const THEME_LABELS: Readonly<Record<Settings['theme'], string>> = { system: 'System', light: 'Light', dark: 'Dark' };

export function App(): JSX.Element {
  const route = useRoute();
  const { settings, error, update } = useSettings();

  useEffect(() => {
    document.documentElement.dataset['theme'] = settings.theme;
  }, [settings.theme]);

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href={routeHref({ screen: 'home' })}>
          Sysdrill
        </a>
        <label className="theme-picker">
          Theme{' '}
          <select value={settings.theme} onChange={(event) => update({ theme: event.target.value as Settings['theme'] })}>
            {(Object.keys(THEME_LABELS) as Settings['theme'][]).map((theme) => (
              <option key={theme} value={theme}>
                {THEME_LABELS[theme]}
              </option>
            ))}
          </select>
        </label>
      </header>
      {error !== undefined && <ErrorNotice what="settings" error={error} />}
      {route.screen === 'home' ? <HomeScreen /> : <PromptScreen key={route.promptId} promptId={route.promptId} settings={settings} />}
    </div>
  );
}
