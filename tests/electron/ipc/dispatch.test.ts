import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROMPTS_DIR } from '../../../prompts/node/load';
import { API_METHODS, CHANNELS } from '../../../electron/ipc/channels';
import { CONTRACT, DEFAULT_SETTINGS, DRAFT_MAX_BYTES, type IpcResult } from '../../../electron/ipc/contract';
import { dispatch, dispatchTyped } from '../../../electron/ipc/dispatch';
import { HANDLERS } from '../../../electron/ipc/handlers';
import { fixedClock, tempDir, testContext } from '../helpers';
import { MINIMAL_PROMPT_YAML } from '../../prompts/fixtures';

function expectFailure(result: IpcResult<unknown>, code: string): { message: string; issues?: readonly { path: string; message: string }[] } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.code).toBe(code);
  return result.error;
}

function expectValue<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('the contract', () => {
  it('defines schemas and a handler for exactly the channels the preload exposes', () => {
    expect(Object.keys(CONTRACT).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(HANDLERS).sort()).toEqual([...CHANNELS].sort());
    expect(new Set(Object.values(API_METHODS)).size).toBe(Object.keys(API_METHODS).length);
  });
});

describe('prompts:list and prompts:get', () => {
  it('lists the built-in prompts as summaries', async () => {
    const list = expectValue(await dispatchTyped(testContext(), 'prompts:list', undefined));
    const ids = list.prompts.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['ecommerce', 'banking']));
    const banking = list.prompts.find((p) => p.id === 'banking');
    expect(banking).toMatchObject({ source: 'builtin', difficulty: expect.stringMatching(/^(easy|medium|hard)$/) });
    expect(banking?.title.length).toBeGreaterThan(0);
    expect(banking?.tags.length).toBeGreaterThan(0);
    expect(list.errors).toEqual([]);
  });

  it('adds the user’s own prompts and reports broken files without dropping the rest', async () => {
    const userDir = join(tempDir(), 'prompts');
    mkdirSync(userDir);
    const ecommerce = readFileSync(join(BUILTIN_PROMPTS_DIR, 'ecommerce.yaml'), 'utf8');
    writeFileSync(join(userDir, 'my-shop.yaml'), ecommerce.replace(/^id: ecommerce$/m, 'id: my-shop'));
    writeFileSync(join(userDir, 'broken.yaml'), 'id: [unclosed\n');

    const list = expectValue(await dispatchTyped(testContext({ userPromptsDir: userDir }), 'prompts:list', undefined));
    expect(list.prompts.find((p) => p.id === 'my-shop')?.source).toBe('user');
    expect(list.prompts.find((p) => p.id === 'ecommerce')?.source).toBe('builtin');
    expect(list.errors).toHaveLength(1);
    expect(list.errors[0]?.file).toBe(join(userDir, 'broken.yaml'));
    expect(list.errors[0]?.message).toContain('broken.yaml');
  });

  it('returns one prompt in full by id', async () => {
    const prompt = expectValue(await dispatchTyped(testContext(), 'prompts:get', { id: 'banking' }));
    expect(prompt.id).toBe('banking');
    expect(prompt.requirements.functional.length).toBeGreaterThan(0);
    expect(prompt.scale.dau).toBeGreaterThan(0);
  });

  it('answers not_found for an unknown prompt id', async () => {
    const error = expectFailure(await dispatch(testContext(), 'prompts:get', { id: 'no-such-prompt' }), 'not_found');
    expect(error.message).toContain('no-such-prompt');
  });
});

describe('drafts', () => {
  it('saves a draft into the SQLite file and reads it back with its revision', async () => {
    const clock = fixedClock(1_000);
    const ctx = testContext({ clock });
    expect(expectValue(await dispatchTyped(ctx, 'drafts:get', { promptId: 'banking', mode: 'practice' }))).toBeNull();

    const saved = expectValue(await dispatchTyped(ctx, 'drafts:save', { promptId: 'banking', mode: 'practice', text: 'flowchart LR\n  A --> B', baseRevision: 0 }));
    expect(saved).toEqual({ savedAt: 1_000, revision: 1 });
    clock.advance(500);
    await dispatchTyped(ctx, 'drafts:save', { promptId: 'banking', mode: 'practice', text: 'flowchart LR\n  A --> C', baseRevision: 1 });

    expect(expectValue(await dispatchTyped(ctx, 'drafts:get', { promptId: 'banking', mode: 'practice' }))).toEqual({
      promptId: 'banking',
      mode: 'practice',
      text: 'flowchart LR\n  A --> C',
      updatedAt: 1_500,
      revision: 2,
    });
    ctx.db.close();
    const reopened = new Database(ctx.file, { readonly: true });
    expect(reopened.prepare("SELECT text FROM drafts WHERE prompt_id = 'banking' AND mode = 'practice'").pluck().get()).toBe(
      'flowchart LR\n  A --> C',
    );
    reopened.close();
  });

  it('accepts a draft of exactly the size limit', async () => {
    const text = 'x'.repeat(DRAFT_MAX_BYTES);
    expect((await dispatch(testContext(), 'drafts:save', { promptId: 'banking', mode: 'practice', text, baseRevision: 0 })).ok).toBe(true);
  });

  it('answers conflict to a save based on an older revision and keeps the newer text', async () => {
    const ctx = testContext();
    await dispatchTyped(ctx, 'drafts:save', { promptId: 'banking', mode: 'practice', text: 'newer', baseRevision: 0 });
    await dispatchTyped(ctx, 'drafts:save', { promptId: 'banking', mode: 'practice', text: 'newest', baseRevision: 1 });
    const error = expectFailure(await dispatch(ctx, 'drafts:save', { promptId: 'banking', mode: 'practice', text: 'older', baseRevision: 1 }), 'conflict');
    expect(error.message).toBe('A newer version of this draft is already saved (revision 2; this text was based on revision 1), so it was not overwritten.');
    expect(expectValue(await dispatchTyped(ctx, 'drafts:get', { promptId: 'banking', mode: 'practice' }))?.text).toBe('newest');
  });

  it('refuses a draft for a prompt that does not exist', async () => {
    const ctx = testContext();
    const error = expectFailure(await dispatch(ctx, 'drafts:save', { promptId: 'no-such-prompt', mode: 'practice', text: 'x', baseRevision: 0 }), 'not_found');
    expect(error.message).toBe('There is no prompt with id "no-such-prompt"; drafts are kept only for existing prompts.');
    expect(ctx.db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
  });

  it("accepts a draft for one of the user's own prompts", async () => {
    const userPromptsDir = join(tempDir(), 'prompts');
    mkdirSync(userPromptsDir);
    writeFileSync(join(userPromptsDir, 'tiny.yaml'), MINIMAL_PROMPT_YAML);
    const ctx = testContext({ userPromptsDir });
    expect(expectValue(await dispatchTyped(ctx, 'drafts:save', { promptId: 'tiny', mode: 'mock', text: 'mine', baseRevision: 0 })).revision).toBe(1);
  });

  it.each([
    ['a high surrogate alone', 'A\uD83D B', 1],
    ['a low surrogate alone', 'AB\uDE80', 2],
    ['two high surrogates in a row', '\uD83D\uD83D\uDE80', 0],
  ])('refuses %s with the position, and stores nothing', async (_what, text, at) => {
    const ctx = testContext();
    const error = expectFailure(await dispatch(ctx, 'drafts:save', { promptId: 'banking', mode: 'practice', text, baseRevision: 0 }), 'validation');
    expect(error.message).toBe(
      `Invalid request to drafts:save: text: the draft contains half of a UTF-16 surrogate pair at character ${at}, which cannot be stored as text; delete that character`,
    );
    expect(ctx.db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
  });

  it('round-trips well-formed pairs (emoji, astral CJK) exactly', async () => {
    const ctx = testContext();
    const text = 'A[🚀 𠀀 👩‍💻] --> B';
    await dispatchTyped(ctx, 'drafts:save', { promptId: 'banking', mode: 'practice', text, baseRevision: 0 });
    expect(expectValue(await dispatchTyped(ctx, 'drafts:get', { promptId: 'banking', mode: 'practice' }))?.text).toBe(text);
  });
});

describe('settings', () => {
  it('returns the defaults, then applies partial updates', async () => {
    const ctx = testContext();
    expect(expectValue(await dispatchTyped(ctx, 'settings:get', undefined))).toEqual(DEFAULT_SETTINGS);
    expect(expectValue(await dispatchTyped(ctx, 'settings:set', { theme: 'dark' }))).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(expectValue(await dispatchTyped(ctx, 'settings:set', { editorFontSize: 18 }))).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', editorFontSize: 18 });
    expect(expectValue(await dispatchTyped(ctx, 'settings:get', undefined))).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', editorFontSize: 18 });
  });

  it('falls back to the default for a stored value this version does not accept', async () => {
    const ctx = testContext();
    ctx.db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('theme', '\"neon\"', 1)").run();
    expect(expectValue(await dispatchTyped(ctx, 'settings:get', undefined)).theme).toBe(DEFAULT_SETTINGS.theme);
  });
});

const oversizedAscii = 'a'.repeat(DRAFT_MAX_BYTES + 1);
// 70 000 three-byte characters: under the limit in UTF-16 units, over it in UTF-8 bytes.
const oversizedMultibyte = '€'.repeat(70_000);
const longId = 'a'.repeat(101);

const BAD_REQUESTS: readonly { readonly name: string; readonly channel: unknown; readonly payload: unknown; readonly path?: string }[] = [
  { name: 'unknown channel', channel: 'prompts:delete', payload: undefined },
  { name: 'channel that is not a string', channel: 42, payload: undefined },
  { name: 'null channel', channel: null, payload: undefined },
  { name: 'prototype property as channel', channel: '__proto__', payload: undefined },
  { name: 'constructor as channel', channel: 'constructor', payload: undefined },
  { name: 'oversized channel name', channel: 'x'.repeat(10_000), payload: undefined },
  { name: 'payload for a channel that takes none', channel: 'prompts:list', payload: { all: true } },
  { name: 'missing payload', channel: 'prompts:get', payload: undefined },
  { name: 'null payload', channel: 'drafts:get', payload: null },
  { name: 'array payload', channel: 'drafts:get', payload: ['banking', 'practice'] },
  { name: 'string payload', channel: 'drafts:save', payload: 'banking' },
  { name: 'id of the wrong type', channel: 'prompts:get', payload: { id: 7 }, path: 'id' },
  { name: 'id with path characters', channel: 'prompts:get', payload: { id: '../../etc/passwd' }, path: 'id' },
  { name: 'oversized id', channel: 'prompts:get', payload: { id: longId }, path: 'id' },
  { name: 'unknown mode', channel: 'drafts:get', payload: { promptId: 'banking', mode: 'exam' }, path: 'mode' },
  { name: 'text of the wrong type', channel: 'drafts:save', payload: { promptId: 'banking', mode: 'practice', text: 12, baseRevision: 0 }, path: 'text' },
  { name: 'missing base revision', channel: 'drafts:save', payload: { promptId: 'banking', mode: 'practice', text: 'x' }, path: 'baseRevision' },
  { name: 'negative base revision', channel: 'drafts:save', payload: { promptId: 'banking', mode: 'practice', text: 'x', baseRevision: -1 }, path: 'baseRevision' },
  { name: 'missing text', channel: 'drafts:save', payload: { promptId: 'banking', mode: 'practice' }, path: 'text' },
  { name: 'oversized text', channel: 'drafts:save', payload: { promptId: 'banking', mode: 'practice', text: oversizedAscii, baseRevision: 0 }, path: 'text' },
  {
    name: 'text over the limit in UTF-8 bytes',
    channel: 'drafts:save',
    payload: { promptId: 'banking', mode: 'practice', text: oversizedMultibyte, baseRevision: 0 },
    path: 'text',
  },
  { name: 'extra field', channel: 'drafts:get', payload: { promptId: 'banking', mode: 'practice', admin: true } },
  { name: 'unknown setting', channel: 'settings:set', payload: { nodeIntegration: true } },
  { name: 'setting out of range', channel: 'settings:set', payload: { editorFontSize: 500 }, path: 'editorFontSize' },
  { name: 'setting of the wrong type', channel: 'settings:set', payload: { theme: ['dark'] }, path: 'theme' },
];

describe('bad requests', () => {
  it.each(BAD_REQUESTS)('answers $name with a validation error, never a throw', async ({ channel, payload, path }) => {
    const ctx = testContext();
    const error = expectFailure(await dispatch(ctx, channel, payload), 'validation');
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message.length).toBeLessThan(400);
    if (path !== undefined) expect(error.issues?.map((i) => i.path)).toContain(path);
    expect(ctx.db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
    expect(ctx.db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
  });

  it('names the field and the limit for an oversized draft', async () => {
    const error = expectFailure(
      await dispatch(testContext(), 'drafts:save', { promptId: 'banking', mode: 'practice', text: oversizedAscii, baseRevision: 0 }),
      'validation',
    );
    expect(error.message).toBe('Invalid request to drafts:save: text: a draft may hold at most 200 KB');
  });

  it('turns a failing handler into an internal error', async () => {
    const ctx = testContext();
    ctx.db.close();
    const error = expectFailure(await dispatch(ctx, 'drafts:get', { promptId: 'banking', mode: 'practice' }), 'internal');
    expect(error.message).toContain('drafts:get failed');
  });

  it('reports a handler answer that breaks the output schema as internal, and tells the caller why', async () => {
    const seen: unknown[] = [];
    const ctx = testContext();
    ctx.db.prepare("INSERT INTO drafts (prompt_id, mode, text, updated_at) VALUES ('banking', 'practice', 'x', 1.5)").run();
    const error = expectFailure(
      await dispatch(ctx, 'drafts:get', { promptId: 'banking', mode: 'practice' }, { onInternalError: (_channel, e) => seen.push(e) }),
      'internal',
    );
    expect(error.message).toContain('does not match the contract');
    expect(seen).toHaveLength(1);
  });

  it('reports an unreadable prompt folder as a load error, not a failure', async () => {
    const list = expectValue(await dispatchTyped(testContext({ promptsDir: join(tempDir(), 'missing') }), 'prompts:list', undefined));
    expect(list.prompts).toEqual([]);
    expect(list.errors).toHaveLength(1);
    expect(list.errors[0]?.message).toContain('the prompt folder does not exist');
  });
});
