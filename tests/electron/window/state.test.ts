import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSettingsRepo } from '../../../electron/db/settings';
import { DEFAULT_WINDOW_SIZE, initialBounds, MIN_WINDOW_SIZE, saveWindowState, WINDOW_STATE_SETTING_KEY } from '../../../electron/window/state';
import { tempDb } from '../helpers';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('initialBounds', () => {
  it('restores remembered bounds that are on a screen', () => {
    const saved = { x: 100, y: 80, width: 1100, height: 760, maximized: false };
    expect(initialBounds(saved, [laptop])).toEqual(saved);
  });

  it('restores a window on a second monitor, and the maximised flag', () => {
    const saved = { x: 1600, y: 100, width: 1800, height: 1000, maximized: true };
    expect(initialBounds(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('drops the position when that monitor is gone, keeping the size', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(initialBounds(saved, [laptop])).toEqual({ width: 1200, height: 800, maximized: false });
  });

  it('shrinks a size larger than the largest screen and grows one below the minimum', () => {
    expect(initialBounds({ x: 0, y: 0, width: 5000, height: 4000, maximized: false }, [laptop])).toMatchObject({ width: 1440, height: 900 });
    expect(initialBounds({ x: 0, y: 0, width: 100, height: 100, maximized: false }, [laptop])).toMatchObject(MIN_WINDOW_SIZE);
  });

  it.each([undefined, null, 'garbage', { x: 1 }, { x: 0, y: 0, width: -5, height: 600, maximized: false }, { x: 0, y: 0, width: 1.5, height: 600, maximized: false }])(
    'falls back to the default size for a stored value %j',
    (saved) => {
      expect(initialBounds(saved, [laptop])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
    },
  );
});

describe('saveWindowState', () => {
  const state = { x: 1, y: 2, width: 800, height: 600, maximized: false };

  it('stores the state and reports success', () => {
    const settings = createSettingsRepo(tempDb().db);
    expect(saveWindowState(settings, state, 5, () => undefined)).toBe(true);
    expect(settings.get(WINDOW_STATE_SETTING_KEY)).toEqual(state);
  });

  it('on a read-only database logs the failure and returns instead of throwing', () => {
    const { file } = tempDb();
    const readOnly = new Database(file, { readonly: true });
    const logged: string[] = [];
    try {
      expect(saveWindowState(createSettingsRepo(readOnly), state, 5, (message, error) => logged.push(`${message}: ${(error as Error).message}`))).toBe(false);
    } finally {
      readOnly.close();
    }
    expect(logged).toEqual(['[window] could not remember the window position: attempt to write a readonly database']);
  });
});
