import { useEffect, type JSX } from 'react';
import type { Settings } from '../../electron/ipc/contract';
import { ErrorNotice } from './components/ErrorNotice';
// Light and opened from the header: kept in the start bundle.
import { GlossaryScreen } from './glossary/GlossaryScreen';
import { InProgressOffer } from './mock/InProgressOffer';
import { lazyScreen } from './lazyScreen';
import { HomeScreen } from './screens/HomeScreen';
import { QuickOpen } from './quickOpen/QuickOpen';
import { routeHref, type Route } from './route';
import { useRoute } from './useRoute';
import { useSettings } from './useSettings';

/**
 * Every screen but the home screen is its own chunk, loaded when first opened: the editor,
 * Mermaid's adapter, the grader and charts never weigh on the start (lazyScreen.tsx: why not Suspense).
 */
const CompareScreen = lazyScreen('compare', () => import('./compare/CompareScreen').then((m) => m.CompareScreen)).Screen;
const MockInterviewScreen = lazyScreen('mock interview', () => import('./mock/MockInterviewScreen').then((m) => m.MockInterviewScreen)).Screen;
const MockSetupScreen = lazyScreen('mock interview setup', () => import('./mock/MockSetupScreen').then((m) => m.MockSetupScreen)).Screen;
const AttemptReportScreen = lazyScreen('report', () => import('./report/AttemptReportScreen').then((m) => m.AttemptReportScreen)).Screen;
const DataScreen = lazyScreen('data', () => import('./screens/DataScreen').then((m) => m.DataScreen)).Screen;
const HistoryScreen = lazyScreen('history', () => import('./history/HistoryScreen').then((m) => m.HistoryScreen)).Screen;
const PromptScreen = lazyScreen('prompt', () => import('./screens/PromptScreen').then((m) => m.PromptScreen)).Screen;
const ProgressScreen = lazyScreen('progress', () => import('./progress/ProgressScreen').then((m) => m.ProgressScreen)).Screen;

const THEME_LABELS: Readonly<Record<Settings['theme'], string>> = { system: 'System', light: 'Light', dark: 'Dark' };

export function App(): JSX.Element {
  const route = useRoute();
  const { settings, error, update, reload } = useSettings();

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
          <a href={routeHref({ screen: 'progress' })} aria-current={route.screen === 'progress' ? 'page' : undefined}>
            Progress
          </a>
          <a href={routeHref({ screen: 'history' })} aria-current={route.screen === 'history' ? 'page' : undefined}>
            History
          </a>
          <a href={routeHref({ screen: 'data' })} aria-current={route.screen === 'data' ? 'page' : undefined}>
            Data
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
      <QuickOpen />
      {error !== undefined && <ErrorNotice what="settings" error={error} />}
      <InProgressOffer route={route} />
      <Screen route={route} settings={settings} onSettings={update} onImported={reload} />
    </div>
  );
}

function Screen(props: {
  readonly route: Route;
  readonly settings: Settings;
  readonly onSettings: (patch: Partial<Settings>) => void;
  readonly onImported: () => void;
}): JSX.Element {
  const { route } = props;
  switch (route.screen) {
    case 'home':
      return <HomeScreen />;
    case 'prompt':
      return <PromptScreen key={route.promptId} promptId={route.promptId} settings={props.settings} onSettings={props.onSettings} />;
    case 'glossary':
      return <GlossaryScreen conceptId={route.conceptId} />;
    case 'mock-setup':
      return <MockSetupScreen key={route.promptId} promptId={route.promptId} settings={props.settings} onSettings={props.onSettings} />;
    case 'mock':
      return <MockInterviewScreen key={route.attemptId} attemptId={route.attemptId} settings={props.settings} />;
    case 'attempt':
      return <AttemptReportScreen key={route.attemptId} attemptId={route.attemptId} settings={props.settings} />;
    case 'progress':
      return <ProgressScreen />;
    case 'compare':
      return <CompareScreen key={`${route.before}/${route.after}`} before={route.before} after={route.after} settings={props.settings} />;
    case 'data':
      return <DataScreen onImported={props.onImported} />;
    case 'history':
      return <HistoryScreen />;
  }
}
