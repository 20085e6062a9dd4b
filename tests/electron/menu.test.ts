import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { EXTERNAL_LINKS } from '../../electron/externalLinks';
import { buildMenuTemplate } from '../../electron/menu';

const roles = (items: readonly MenuItemConstructorOptions[]): unknown[] => items.map((item) => item.role ?? item.label);

describe('buildMenuTemplate', () => {
  it('uses the standard role menus, with the app menu on macOS only', () => {
    const linux = buildMenuTemplate({ platform: 'linux', isDev: false, openExternal: vi.fn() });
    expect(roles(linux)).toEqual(['fileMenu', 'editMenu', 'View', 'windowMenu', 'help']);
    const mac = buildMenuTemplate({ platform: 'darwin', isDev: false, openExternal: vi.fn() });
    expect(roles(mac)).toEqual(['appMenu', 'fileMenu', 'editMenu', 'View', 'windowMenu', 'help']);
  });

  it('offers developer tools only in development', () => {
    const viewRoles = (isDev: boolean): unknown[] => {
      const view = buildMenuTemplate({ platform: 'linux', isDev, openExternal: vi.fn() }).find((item) => item.label === 'View');
      return roles(view?.submenu as MenuItemConstructorOptions[]);
    };
    expect(viewRoles(false)).not.toContain('toggleDevTools');
    expect(viewRoles(true)).toContain('toggleDevTools');
  });

  it('opens only the app’s own allow-listed links from the Help menu', () => {
    const openExternal = vi.fn();
    const help = buildMenuTemplate({ platform: 'linux', isDev: false, openExternal }).find((item) => item.role === 'help');
    for (const item of help?.submenu as MenuItemConstructorOptions[]) {
      (item.click as () => void)();
    }
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual([EXTERNAL_LINKS.mermaidFlowchartSyntax, EXTERNAL_LINKS.projectHome]);
  });
});
