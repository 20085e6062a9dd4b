import { describe, expect, it } from 'vitest';
import { createDraftsRepo } from '../../../electron/db/drafts';
import { tempDb } from '../helpers';

const key = { promptId: 'banking', mode: 'practice' } as const;

describe('drafts repository', () => {
  it('stores one draft per prompt and mode, each save one revision more', () => {
    const drafts = createDraftsRepo(tempDb().db);
    expect(drafts.get('banking', 'practice')).toBeNull();
    expect(drafts.save({ ...key, text: 'first', updatedAt: 1, baseRevision: 0 })).toEqual({ saved: true, revision: 1 });
    expect(drafts.save({ ...key, text: 'second', updatedAt: 2, baseRevision: 1 })).toEqual({ saved: true, revision: 2 });
    expect(drafts.save({ promptId: 'banking', mode: 'mock', text: 'mock text', updatedAt: 3, baseRevision: 0 })).toEqual({ saved: true, revision: 1 });
    expect(drafts.get('banking', 'practice')).toEqual({ ...key, text: 'second', updatedAt: 2, revision: 2 });
    expect(drafts.get('banking', 'mock')?.text).toBe('mock text');
    drafts.remove('banking', 'practice');
    expect(drafts.get('banking', 'practice')).toBeNull();
  });

  it('refuses a save based on an older revision than the stored one, keeping the newer text', () => {
    const drafts = createDraftsRepo(tempDb().db);
    drafts.save({ ...key, text: 'one', updatedAt: 1, baseRevision: 0 });
    drafts.save({ ...key, text: 'one two', updatedAt: 2, baseRevision: 1 });
    expect(drafts.save({ ...key, text: 'one (stale)', updatedAt: 3, baseRevision: 1 })).toEqual({ saved: false, reason: 'stale', storedRevision: 2 });
    expect(drafts.get('banking', 'practice')).toEqual({ ...key, text: 'one two', updatedAt: 2, revision: 2 });
  });

  it.each([
    ['plain text', 'flowchart LR\n  A --> B'],
    ['markup and quotes', `flowchart LR\n  A["<script>alert('x')</script>"] --> B`],
    ['non-ASCII letters, CJK and emoji', 'B[(Ünïcødé 数据 🚀)]'],
    ['CRLF, tabs and NUL', 'a\r\n\tb\u0000c'],
    ['an empty draft', ''],
  ])('keeps %s exactly', (_what, text) => {
    const drafts = createDraftsRepo(tempDb().db);
    drafts.save({ ...key, text, updatedAt: 5, baseRevision: 0 });
    expect(drafts.get('banking', 'practice')?.text).toBe(text);
  });

  it('bounds all drafts together, counting the draft being replaced only once', () => {
    const drafts = createDraftsRepo(tempDb().db, 10);
    expect(drafts.save({ ...key, text: '123456', updatedAt: 1, baseRevision: 0 }).saved).toBe(true);
    expect(drafts.save({ promptId: 'ecommerce', mode: 'practice', text: '12345', updatedAt: 2, baseRevision: 0 })).toEqual({
      saved: false,
      reason: 'quota',
      otherBytes: 6,
    });
    // Replacing banking's own 6 bytes with 10 fits: its old text does not count.
    expect(drafts.save({ ...key, text: '1234567890', updatedAt: 3, baseRevision: 1 }).saved).toBe(true);
    // '€' is three UTF-8 bytes: four of them (12 bytes) do not fit in 10.
    expect(drafts.save({ ...key, text: '€€€€', updatedAt: 4, baseRevision: 2 })).toEqual({ saved: false, reason: 'quota', otherBytes: 0 });
  });

  it('refuses a mode outside practice|mock at the database level', () => {
    const drafts = createDraftsRepo(tempDb().db);
    expect(() => drafts.save({ promptId: 'banking', mode: 'exam' as 'mock', text: '', updatedAt: 1, baseRevision: 0 })).toThrow(/CHECK constraint/);
  });
});
