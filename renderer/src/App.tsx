import { useEffect, type JSX } from 'react';
import type { Settings } from '../../electron/ipc/contract';
import { ErrorNotice } from './components/ErrorNotice';
import { GlossaryScreen } from './glossary/GlossaryScreen';
import { HomeScreen } from './screens/HomeScreen';
import { PromptScreen } from './screens/PromptScreen';
import { routeHref, type Route } from './route';
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
        <nav className="topnav" aria-label="Sections">
          <a href={routeHref({ screen: 'home' })} aria-current={route.screen === 'home' ? 'page' : undefined}>
            Prompts
          </a>
          <a href={routeHref({ screen: 'glossary' })} aria-current={route.screen === 'glossary' ? 'page' : undefined}>
            Glossary
          </a>
        </nav>
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
      <Screen route={route} settings={settings} />
    </div>
  );
}

function Screen(props: { readonly route: Route; readonly settings: Settings }): JSX.Element {
  const { route } = props;
  switch (route.screen) {
    case 'home':
      return <HomeScreen />;
    case 'prompt':
      return <PromptScreen key={route.promptId} promptId={route.promptId} settings={props.settings} />;
    case 'glossary':
      return <GlossaryScreen conceptId={route.conceptId} />;
  }
}
