import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PROMPTS_DIR, createPromptLibraryLoader, loadPromptLibrary, loadPromptsFromDir, MAX_PROMPT_FILE_BYTES } from '../../prompts/node/load';
import { variant } from './fixtures';

const promptNamed = (id: string): string => variant('id: tiny', `id: ${id}`);

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sysdrill-prompts-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('loadPromptsFromDir', () => {
  it('loads the good files and reports the bad one without stopping', () => {
    const dir = folder('mixed', {
      'alpha.yaml': promptNamed('alpha'),
      'broken.yaml': variant('accept: [key_value]', 'accept: key_value', promptNamed('broken')),
      'gamma.yml': promptNamed('gamma'),
      'notes.txt': 'not a prompt',
    });
    const result = loadPromptsFromDir(dir);
    expect(result.prompts.map((p) => p.id)).toEqual(['alpha', 'gamma']);
    expect(result.errors.map((e) => e.message)).toEqual([
      `${join(dir, 'broken.yaml')}: entities[0].accept: expected array, received string (line 33, column 13)`,
    ]);
  });

  it('reports a second file declaring an id that is already loaded', () => {
    const dir = folder('dupes', { 'same.yaml': promptNamed('same'), 'same.yml': promptNamed('same') });
    const result = loadPromptsFromDir(dir);
    expect(result.prompts.map((p) => p.id)).toEqual(['same']);
    expect(result.errors.map((e) => e.message)).toEqual([
      `${join(dir, 'same.yml')}: id: id "same" is already used by ${join(dir, 'same.yaml')}`,
    ]);
  });

  it('refuses an oversized file without parsing it', () => {
    const huge = `${promptNamed('huge')}\n# ${'x'.repeat(MAX_PROMPT_FILE_BYTES)}\n`;
    const dir = folder('big', { 'huge.yaml': huge, 'small.yaml': promptNamed('small') });
    const result = loadPromptsFromDir(dir);
    expect(result.prompts.map((p) => p.id)).toEqual(['small']);
    expect(result.errors.map((e) => e.message)).toEqual([`${join(dir, 'huge.yaml')}: is ${(Buffer.byteLength(huge) / 1024).toFixed(1)} KB; the limit is 256.0 KB`]);
  });

  it('reports a missing folder as one read error', () => {
    const missing = join(root, 'nope');
    const result = loadPromptsFromDir(missing);
    expect(result.prompts).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ file: missing, kind: 'read' })]);
    expect(result.errors[0]?.message).toBe(`${missing}: the prompt folder does not exist`);
  });
});

describe('loadPromptLibrary', () => {
  it('adds user prompts after the built-in ones and marks them', () => {
    const builtinDir = folder('builtin', { 'alpha.yaml': promptNamed('alpha') });
    const userDir = folder('user', { 'mine.yaml': promptNamed('mine') });
    const library = loadPromptLibrary({ builtinDir, userDir });
    expect(library.prompts.map((p) => p.id)).toEqual(['alpha', 'mine']);
    expect(library.userPromptIds).toEqual(['mine']);
    expect(library.errors).toEqual([]);
  });

  it('refuses a user prompt that would replace a built-in id, and says so', () => {
    const builtinDir = folder('builtin', { 'alpha.yaml': promptNamed('alpha') });
    const userDir = folder('user', { 'alpha.yaml': variant('title: Tiny prompt', 'title: Mine', promptNamed('alpha')) });
    const library = loadPromptLibrary({ builtinDir, userDir });
    expect(library.prompts.map((p) => p.title)).toEqual(['Tiny prompt']);
    expect(library.userPromptIds).toEqual([]);
    expect(library.errors.map((e) => e.message)).toEqual([
      `${join(userDir, 'alpha.yaml')}: id: id "alpha" is a built-in prompt; rename the file and its id to add your own`,
    ]);
  });

  it('treats a user folder that does not exist yet as empty', () => {
    const builtinDir = folder('builtin', { 'alpha.yaml': promptNamed('alpha') });
    const library = loadPromptLibrary({ builtinDir, userDir: join(root, 'not-created') });
    expect(library.prompts.map((p) => p.id)).toEqual(['alpha']);
    expect(library.errors).toEqual([]);
  });
});

describe('built-in prompt library', () => {
  const builtin = loadPromptsFromDir(BUILTIN_PROMPTS_DIR);

  it('validates every built-in prompt file', () => {
    expect(builtin.errors.map((e) => e.message)).toEqual([]);
  });

  it('contains the four required prompts and at least sixteen in total', () => {
    const ids = builtin.prompts.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['ecommerce', 'instagram', 'llm-chat', 'banking']));
    expect(ids.length).toBeGreaterThanOrEqual(16);
  });

  it.each(builtin.prompts.map((p) => [p.id, p] as const))('%s gives the candidate enough to work with', (_id, prompt) => {
    expect({
      clarifyingQuestions: prompt.clarifyingQuestions.length >= 3,
      estimates: prompt.estimates.length >= 3,
      hints: prompt.hints.length >= 3,
      entities: prompt.entities.length >= 2,
      rules: Object.keys(prompt.rubric.rules).length >= 5,
    }).toEqual({ clarifyingQuestions: true, estimates: true, hints: true, entities: true, rules: true });
  });
});

describe('createPromptLibraryLoader', () => {
  it('reuses the parsed library while no prompt file changes', () => {
    const builtinDir = folder('builtin', { 'alpha.yaml': promptNamed('alpha') });
    const load = createPromptLibraryLoader();
    const first = load({ builtinDir });
    expect(load({ builtinDir })).toBe(first);
  });

  it.each([
    ['a file is edited', (dir: string) => {
      writeFileSync(join(dir, 'alpha.yaml'), variant('title: Tiny', 'title: Edited', promptNamed('alpha')));
      utimesSync(join(dir, 'alpha.yaml'), new Date(), new Date(Date.now() + 5_000));
    }, ['alpha: Edited prompt']],
    ['a file is added', (dir: string) => writeFileSync(join(dir, 'beta.yaml'), promptNamed('beta')), ['alpha: Tiny prompt', 'beta: Tiny prompt']],
    ['a file is removed', (dir: string) => rmSync(join(dir, 'alpha.yaml')), []],
  ] as const)('reads the files again when %s', (_what, change, expected) => {
    const userDir = folder('user', { 'alpha.yaml': promptNamed('alpha') });
    const builtinDir = folder('builtin', {});
    const load = createPromptLibraryLoader();
    const before = load({ builtinDir, userDir });
    change(userDir);
    const after = load({ builtinDir, userDir });
    expect(after).not.toBe(before);
    expect(after.prompts.map((p) => `${p.id}: ${p.title}`)).toEqual(expected);
  });
});

describe('special files in the user prompt folder', () => {
  /** Each entry puts one hostile `*.yaml` next to a good prompt; the good one must still load. */
  const HOSTILE: ReadonlyArray<readonly [string, (file: string) => void, RegExp]> = [
    ['a FIFO', (file) => execFileSync('mkfifo', [file]), /: is a named pipe \(FIFO\), not a regular file$/],
    ['a symbolic link to /dev/zero', (file) => symlinkSync('/dev/zero', file), /: is a symbolic link to \/dev\/zero, which is a character device, not a regular file$/],
    ['a symbolic link to /etc/passwd', (file) => symlinkSync('/etc/passwd', file), /: is a symbolic link to \/etc\/passwd, outside the folder .*; copy the file into the folder instead$/],
    ['a 50 MB file', (file) => writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 0x61)), /: is 50\.0 MB; the limit is 256\.0 KB$/],
    ['a folder', (file) => mkdirSync(file), /: is a folder, not a regular file$/],
    ['a file that is not UTF-8', (file) => writeFileSync(file, Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a])), /: is not valid UTF-8 text: byte 4 \(0xff\) starts an invalid sequence; save it as UTF-8$/],
  ];

  it.each(HOSTILE)('reports %s with its reason and still loads the other prompts', (_what, make, reason) => {
    const builtinDir = folder('builtin', { 'alpha.yaml': promptNamed('alpha') });
    const userDir = folder('user', { 'mine.yaml': promptNamed('mine') });
    make(join(userDir, 'hostile.yaml'));
    const library = loadPromptLibrary({ builtinDir, userDir });
    expect(library.prompts.map((p) => p.id)).toEqual(['alpha', 'mine']);
    expect(library.errors).toHaveLength(1);
    expect(library.errors[0]?.file).toBe(join(userDir, 'hostile.yaml'));
    expect(library.errors[0]?.message).toMatch(reason);
    // The message starts with the file's path, whose random temporary folder name may itself spell "EUPT…".
    const reasonInWords = library.errors[0]?.message.replaceAll(userDir, '<folder>');
    expect(reasonInWords).not.toMatch(/root:|\bE[A-Z]{3,}\b/);
  });

  it('reads a symbolic link to a prompt file inside the same folder', () => {
    const userDir = folder('user', {});
    const kept = folder('user/kept', { 'mine.yaml': promptNamed('mine') });
    symlinkSync(join(kept, 'mine.yaml'), join(userDir, 'mine.yaml'));
    const library = loadPromptLibrary({ builtinDir: folder('builtin', {}), userDir });
    expect(library.prompts.map((p) => p.id)).toEqual(['mine']);
    expect(library.errors).toEqual([]);
  });
});
