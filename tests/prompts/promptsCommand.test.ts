import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPromptsCommand, type PromptsJson } from '../../cli/commands/prompts';
import type { CliIo } from '../../cli/io';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import { variant } from './fixtures';

function capture(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    out: () => out,
    err: () => err,
  };
}

const scratch = mkdtempSync(join(tmpdir(), 'sysdrill-prompts-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function folderWith(files: Record<string, string>): string {
  const dir = join(scratch, `dir-${Object.keys(files).join('-')}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('sysdrill prompts', () => {
  const builtin = loadPromptsFromDir(BUILTIN_PROMPTS_DIR);

  it('lists every built-in prompt with id, difficulty and title', async () => {
    const io = capture();
    expect(await runPromptsCommand([], io)).toBe(0);
    const lines = io.out().trimEnd().split('\n');
    expect(lines[0]).toBe(`${builtin.prompts.length} prompts`);
    for (const p of builtin.prompts) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^  ${p.id} +${p.difficulty} +${p.title.replace(/[()]/g, '\\$&')} `)));
    }
    expect(io.err()).toBe('');
  });

  it('prints one JSON document with ids, concepts and both Mermaid sources', async () => {
    const io = capture();
    expect(await runPromptsCommand(['--json'], io)).toBe(0);
    const doc = JSON.parse(io.out()) as PromptsJson;
    expect(doc.errors).toEqual([]);
    expect(doc.prompts.map((p) => p.id)).toEqual(builtin.prompts.map((p) => p.id));
    const banking = doc.prompts.find((p) => p.id === 'banking');
    const source = builtin.prompts.find((p) => p.id === 'banking');
    expect(banking).toEqual({
      id: 'banking',
      title: source?.title,
      difficulty: 'hard',
      tags: source?.tags,
      concepts: source?.concepts,
      reference: { mermaid: source?.reference.mermaid, rationale: source?.reference.rationale },
      naive: {
        mermaid: source?.naive.mermaid,
        rationale: source?.naive.rationale,
        mistakes: source?.naive.mistakes.map((m) => ({ rule: m.rule, nodes: m.nodes ?? [], note: m.note })),
      },
    });
  });

  it('checks a user folder with --dir, listing the good files and failing on the bad one', async () => {
    const good = variant('id: tiny', 'id: mine');
    const bad = variant('accept: [key_value]', 'accept: key_value', variant('id: tiny', 'id: broken'));
    const dir = folderWith({ 'mine.yaml': good, 'broken.yaml': bad });

    const human = capture();
    expect(await runPromptsCommand(['--dir', dir], human)).toBe(1);
    expect(human.out()).toMatch(/^1 prompt\n {2}mine +easy +Tiny prompt +demo\n$/);
    expect(human.err()).toBe(`error: ${join(dir, 'broken.yaml')}: entities[0].accept: expected array, received string (line 33, column 13)\n`);

    const json = capture();
    expect(await runPromptsCommand(['--json', '--dir', dir], json)).toBe(1);
    expect((JSON.parse(json.out()) as PromptsJson).errors).toEqual([
      {
        file: join(dir, 'broken.yaml'),
        path: 'entities[0].accept',
        line: 33,
        column: 13,
        message: `${join(dir, 'broken.yaml')}: entities[0].accept: expected array, received string (line 33, column 13)`,
      },
    ]);
  });

  it.each([[['--bogus']], [['extra-positional']], [['--dir']]])('rejects bad usage %j with exit code 2', async (argv) => {
    const io = capture();
    expect(await runPromptsCommand(argv, io)).toBe(2);
    expect(io.err()).toMatch(/^sysdrill prompts: .*\n\nUsage: sysdrill prompts/);
  });

  it('is reachable through the installed bin as `sysdrill prompts --json`', () => {
    const out = execFileSync(process.execPath, ['bin/sysdrill.mjs', 'prompts', '--json'], { encoding: 'utf8' });
    const doc = JSON.parse(out) as PromptsJson;
    expect(doc.prompts.map((p) => p.id)).toEqual(builtin.prompts.map((p) => p.id));
  });
});
