import type { MenuItemConstructorOptions } from 'electron';
import { EXTERNAL_LINKS } from './externalLinks';

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly isDev: boolean;
  readonly openExternal: (url: string) => void;
}

/** The usual menus, built from Electron's roles so shortcuts and labels follow the platform. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(options.isDev ? ([{ role: 'forceReload' }, { role: 'toggleDevTools' }] as const) : []),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        // Constant allow-listed https URLs (externalLinks.ts), never user input.
        { label: 'Mermaid Flowchart Syntax', click: () => options.openExternal(EXTERNAL_LINKS.mermaidFlowchartSyntax) }, // eng-disable OPEN_EXTERNAL_JS_CHECK
        { label: 'Sysdrill Home Page', click: () => options.openExternal(EXTERNAL_LINKS.projectHome) }, // eng-disable OPEN_EXTERNAL_JS_CHECK
      ],
    },
  ];
}
