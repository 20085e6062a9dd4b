import { describe, expect, it } from 'vitest';
import { createSettingsRepo } from '../../../electron/db/settings';
import { tempDb } from '../helpers';

describe('settings repository', () => {
  it('round-trips JSON values and lists them by key', () => {
    const settings = createSettingsRepo(tempDb().db);
    expect(settings.get('theme')).toBeUndefined();
    settings.set('theme', 'dark', 1);
    settings.set('window.state', { x: 1, y: 2, width: 800, height: 600, maximized: false }, 2);
    settings.set('theme', 'light', 3);
    expect(settings.get('theme')).toBe('light');
    expect([...settings.all().keys()]).toEqual(['theme', 'window.state']);
    expect(settings.all().get('window.state')).toEqual({ x: 1, y: 2, width: 800, height: 600, maximized: false });
  });

  it('reads a corrupt stored value as absent instead of throwing', () => {
    const { db } = tempDb();
    db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('theme', '{not json', 1)").run();
    expect(createSettingsRepo(db).get('theme')).toBeUndefined();
  });

  it('refuses a value with no JSON form', () => {
    const settings = createSettingsRepo(tempDb().db);
    expect(() => settings.set('nothing', undefined, 1)).toThrow(/no JSON representation/);
  });
});
