import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { createDataStore } from '../../../electron/db/store';
import type { Db } from '../../../electron/db/types';
import type { AttemptReportOutput, IpcResult } from '../../../electron/ipc/contract';
import { dispatchTyped } from '../../../electron/ipc/dispatch';
import type { FileDialogs, OpenFileRequest, SaveFileRequest } from '../../../electron/ipc/fileDialogs';
import type { HandlerContext } from '../../../electron/ipc/handlers';
import { BUILTIN_GLOSSARY_FILE } from '../../../prompts/node/glossary';
import { BUILTIN_PROMPTS_DIR } from '../../../prompts/node/load';
import { fixedClock, tempDir } from '../helpers';

function value<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Dialogs that answer with the next queued path (undefined: the user cancelled) and record what was asked. */
function fakeDialogs() {
  const answers: (string | undefined)[] = [];
  const asked: (SaveFileRequest | OpenFileRequest)[] = [];
  const dialogs: FileDialogs = {
    chooseSavePath: (request) => {
      asked.push(request);
      return Promise.resolve(answers.shift());
    },
    chooseOpenPath: (request) => {
      asked.push(request);
      return Promise.resolve(answers.shift());
    },
  };
  return { dialogs, answers, asked };
}

function appContext(dir: string) {
  const file = join(dir, 'sysdrill.db');
  const store = createDataStore({ file, db: openDatabase({ file }), open: () => openDatabase({ file }) });
  const fake = fakeDialogs();
  const ctx: HandlerContext = {
    get db(): Db {
      return store.db;
    },
    promptsDir: BUILTIN_PROMPTS_DIR,
    glossaryFile: BUILTIN_GLOSSARY_FILE,
    clock: fixedClock(Date.UTC(2026, 11, 1, 3, 0, 0)),
    dialogs: fake.dialogs,
    data: { store, keepDir: join(dir, 'backups') },
  };
  return { ctx, store, ...fake };
}

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
const UNPARSABLE: AttemptReportOutput = {
  outcome: 'unparsable',
  findings: [],
  parseErrors: [{ line: 2, column: 3, message: 'Expected a node' }],
  estimates: [],
  questions: [],
  phases: [],
};

async function submittedPractice(ctx: HandlerContext, diagram = 'flowchart LR\n  a -->') {
  const attempt = value(await dispatchTyped(ctx, 'attempts:start', { promptId: 'banking', mode: 'practice', lengthMin: null, startedAt: T0 }));
  const progress = { id: attempt.id, phase: null, clockOffsetMs: 0, lastSeenAt: T0, deadlineAt: null, diagram, notes: {}, estimates: [], questions: [], curveballId: null, events: [] };
  return value(await dispatchTyped(ctx, 'attempts:submit', { progress, submittedAt: T0 + 90_000, report: UNPARSABLE }));
}

describe('export:attempt', () => {
  it('writes the attempt as Markdown to the path chosen in the save dialog, and nowhere else', async () => {
    const dir = tempDir();
    const { ctx, answers, asked, store } = appContext(dir);
    const attempt = await submittedPractice(ctx);
    const target = join(tempDir(), 'mine.md');
    answers.push(target);
    expect(value(await dispatchTyped(ctx, 'export:attempt', { id: attempt.id, format: 'markdown' }))).toEqual({ saved: true, file: target });
    expect(asked).toEqual([{ title: 'Export the attempt as Markdown', defaultName: `banking-attempt-${attempt.id}.md`, filters: [{ name: 'Markdown', extensions: ['md'] }] }]);
    const text = readFileSync(target, 'utf8');
    expect(text.startsWith('# Practice attempt: Bank ledger and money transfers\n\n- Date: 2026-11-30 09:01 UTC\n- Mode: Practice\n- Time taken: 1:30\n')).toBe(true);
    expect(text).toContain('- Line 2, column 3: Expected a node\n\n## Diagram\n\n```mermaid\nflowchart LR\n  a -->\n```\n');
    store.db.close();
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const dir = tempDir();
    const { ctx, store } = appContext(dir);
    const attempt = await submittedPractice(ctx);
    const listing = readdirSync(dir).sort();
    expect(value(await dispatchTyped(ctx, 'export:attempt', { id: attempt.id, format: 'markdown' }))).toEqual({ saved: false });
    expect(readdirSync(dir).sort()).toEqual(listing);
    store.db.close();
  });

  it('writes the SVG the renderer drew, and refuses text that is not SVG or a path from the renderer', async () => {
    const { ctx, answers, store } = appContext(tempDir());
    const attempt = await submittedPractice(ctx);
    const target = join(tempDir(), 'diagram.svg');
    answers.push(target);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>A</text></svg>';
    expect(value(await dispatchTyped(ctx, 'export:attempt', { id: attempt.id, format: 'svg', svg }))).toEqual({ saved: true, file: target });
    expect(readFileSync(target, 'utf8')).toBe(svg);
    const notSvg = await dispatchTyped(ctx, 'export:attempt', { id: attempt.id, format: 'svg', svg: '#!/bin/sh\nrm -rf ~' });
    expect(notSvg.ok || notSvg.error.message).toBe('Invalid request to export:attempt: svg: expected SVG markup starting with <svg');
    const withPath = await dispatchTyped(ctx, 'export:attempt', { id: attempt.id, format: 'markdown', path: '/tmp/x.md' } as never);
    expect(withPath.ok || withPath.error.code).toBe('validation');
    store.db.close();
  });

  it('refuses an attempt that does not exist or is not submitted, before any dialog opens', async () => {
    const { ctx, asked, store } = appContext(tempDir());
    const missing = await dispatchTyped(ctx, 'export:attempt', { id: 99, format: 'markdown' });
    expect(missing.ok || missing.error).toEqual({ code: 'not_found', message: 'There is no attempt 99.' });
    const started = value(await dispatchTyped(ctx, 'attempts:start', { promptId: 'banking', mode: 'practice', lengthMin: null, startedAt: T0 }));
    const open = await dispatchTyped(ctx, 'export:attempt', { id: started.id, format: 'markdown' });
    expect(open.ok || open.error).toEqual({ code: 'validation', message: `Attempt ${started.id} has not been submitted, so there is no report to export yet.` });
    expect(asked).toEqual([]);
    store.db.close();
  });
});

describe('data:export and data:import', () => {
  it('exports all data, and importing it on a fresh profile restores the attempts', async () => {
    const first = appContext(tempDir());
    await submittedPractice(first.ctx);
    await submittedPractice(first.ctx, 'flowchart TB\n  x -->');
    const file = join(tempDir(), 'backup.db');
    first.answers.push(file);
    expect(value(await dispatchTyped(first.ctx, 'data:export', undefined))).toEqual({ saved: true, file });
    expect(first.asked[0]).toMatchObject({ title: 'Export all Sysdrill data', defaultName: 'sysdrill-data-2026-12-01.db' });
    first.store.db.close();

    const freshDir = tempDir();
    const fresh = appContext(freshDir);
    expect(value(await dispatchTyped(fresh.ctx, 'attempts:list', { promptId: 'banking' }))).toEqual([]);
    fresh.answers.push(file);
    expect(value(await dispatchTyped(fresh.ctx, 'data:import', undefined))).toEqual({
      imported: true,
      attempts: 2,
      previousCopy: join(freshDir, 'backups', 'sysdrill-before-import-2026-12-01T03-00-00.000Z.db'),
      migratedFrom: null,
    });
    const restored = value(await dispatchTyped(fresh.ctx, 'attempts:list', { promptId: 'banking' }));
    expect(restored.map((a) => a.outcome)).toEqual(['unparsable', 'unparsable']);
    fresh.store.db.close();
  });

  it('refuses to export over the live database itself', async () => {
    const { ctx, answers, store } = appContext(tempDir());
    answers.push(store.file);
    const result = await dispatchTyped(ctx, 'data:export', undefined);
    expect(result.ok || result.error).toEqual({ code: 'validation', message: `${store.file} is Sysdrill's live database itself; choose another file to export to.` });
    expect(store.db.open).toBe(true);
    store.db.close();
  });

  it('imports nothing when cancelled, and a text file gets a clear message with the data unchanged', async () => {
    const { ctx, answers, store } = appContext(tempDir());
    const attempt = await submittedPractice(ctx);
    expect(value(await dispatchTyped(ctx, 'data:import', undefined))).toEqual({ imported: false });
    const text = join(tempDir(), 'notes.txt');
    writeFileSync(text, 'hello\n'.repeat(50));
    answers.push(text);
    const refused = await dispatchTyped(ctx, 'data:import', undefined);
    expect(refused.ok || refused.error).toEqual({
      code: 'validation',
      message: `${text} is not a Sysdrill data file: it is not an SQLite database (it does not start with SQLite's header). Nothing was changed.`,
    });
    expect(value(await dispatchTyped(ctx, 'attempts:get', { id: attempt.id })).id).toBe(attempt.id);
    expect(existsSync(join(store.file, '..', 'backups'))).toBe(false);
    store.db.close();
  });
});
