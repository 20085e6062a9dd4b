import { describe, expect, it } from 'vitest';
import { createAttemptsRepo, type AttemptId } from '../../../electron/db/attempts';
import { createDraftsRepo } from '../../../electron/db/drafts';
import { createSettingsRepo } from '../../../electron/db/settings';
import { tempDb } from '../helpers';

describe('drafts repository', () => {
  it('stores one draft per prompt and mode, replacing it on save', () => {
    const drafts = createDraftsRepo(tempDb().db);
    expect(drafts.get('banking', 'practice')).toBeNull();
    drafts.save({ promptId: 'banking', mode: 'practice', text: 'first', updatedAt: 1 });
    drafts.save({ promptId: 'banking', mode: 'practice', text: 'second', updatedAt: 2 });
    drafts.save({ promptId: 'banking', mode: 'mock', text: 'mock text', updatedAt: 3 });
    expect(drafts.get('banking', 'practice')).toEqual({ promptId: 'banking', mode: 'practice', text: 'second', updatedAt: 2 });
    expect(drafts.get('banking', 'mock')?.text).toBe('mock text');
    drafts.remove('banking', 'practice');
    expect(drafts.get('banking', 'practice')).toBeNull();
  });

  it('keeps text exactly, including markup, quotes and non-ASCII characters', () => {
    const drafts = createDraftsRepo(tempDb().db);
    const text = `flowchart LR\n  A["<script>alert('x')</script>"] --> B[(Ünïcødé 数据 🚀)]\r\n`;
    drafts.save({ promptId: 'ecommerce', mode: 'practice', text, updatedAt: 5 });
    expect(drafts.get('ecommerce', 'practice')?.text).toBe(text);
  });

  it('refuses a mode outside practice|mock at the database level', () => {
    const drafts = createDraftsRepo(tempDb().db);
    expect(() => drafts.save({ promptId: 'banking', mode: 'exam' as 'mock', text: '', updatedAt: 1 })).toThrow(/CHECK constraint/);
  });
});

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

describe('attempts repository', () => {
  it('starts, lists newest first, and submits an attempt with its grade', () => {
    const attempts = createAttemptsRepo(tempDb().db);
    const first = attempts.start({ promptId: 'banking', mode: 'practice', startedAt: 100 });
    const second = attempts.start({ promptId: 'banking', mode: 'mock', startedAt: 200, deadlineAt: 200 + 45 * 60_000 });
    attempts.start({ promptId: 'ecommerce', mode: 'practice', startedAt: 300 });

    expect(attempts.listForPrompt('banking').map((a) => a.id)).toEqual([second, first]);
    expect(attempts.get(second)).toMatchObject({ status: 'in_progress', deadlineAt: 200 + 45 * 60_000, submittedAt: null, score: null });

    expect(attempts.saveDiagram(first, 'flowchart LR\n A --> B')).toBe(true);
    const score = { total: 72, categories: { reliability: 60 } };
    const findings = [{ rule: 'single-point-of-failure', severity: 'major' }];
    expect(attempts.submit({ id: first, submittedAt: 500, diagram: 'flowchart LR\n A --> B --> C', score, findings })).toBe(true);
    expect(attempts.get(first)).toEqual({
      id: first,
      promptId: 'banking',
      mode: 'practice',
      status: 'submitted',
      startedAt: 100,
      deadlineAt: null,
      submittedAt: 500,
      diagram: 'flowchart LR\n A --> B --> C',
      score,
      findings,
    });
  });

  it('does not change an attempt that is no longer in progress', () => {
    const attempts = createAttemptsRepo(tempDb().db);
    const id = attempts.start({ promptId: 'banking', mode: 'practice', startedAt: 1 });
    expect(attempts.abandon(id)).toBe(true);
    expect(attempts.saveDiagram(id, 'late edit')).toBe(false);
    expect(attempts.submit({ id, submittedAt: 2, diagram: 'x', score: {}, findings: [] })).toBe(false);
    expect(attempts.get(id)?.status).toBe('abandoned');
    expect(attempts.get(12345 as AttemptId)).toBeNull();
  });

  it('refuses a deadline before the start', () => {
    const attempts = createAttemptsRepo(tempDb().db);
    expect(() => attempts.start({ promptId: 'banking', mode: 'mock', startedAt: 100, deadlineAt: 50 })).toThrow(/CHECK constraint/);
  });
});
