import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeSystemError, firstInvalidUtf8Offset, readTextFile } from '../../../prompts/node/safeFile';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sysdrill-safefile-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('firstInvalidUtf8Offset', () => {
  it.each([
    ['plain ASCII', [0x61, 0x62], undefined],
    ['a two-byte letter (é)', [0xc3, 0xa9], undefined],
    ['a three-byte sign (€)', [0xe2, 0x82, 0xac], undefined],
    ['a four-byte emoji (😀)', [0xf0, 0x9f, 0x98, 0x80], undefined],
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['0xff anywhere', [0x61, 0x62, 0xff], 2],
    ['an overlong slash (0xc0 0xaf)', [0xc0, 0xaf], 0],
    ['an overlong three-byte form (0xe0 0x80 0x80)', [0x20, 0xe0, 0x80, 0x80], 1],
    ['an encoded surrogate (0xed 0xa0 0x80)', [0xed, 0xa0, 0x80], 0],
    ['a code point above U+10FFFF (0xf4 0x90 …)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short at the end', [0x61, 0xe2, 0x82], 1],
    ['a lead byte followed by ASCII', [0xc3, 0x41], 0],
  ] as const)('%s → %s', (_what, bytes, offset) => {
    expect(firstInvalidUtf8Offset(Uint8Array.from(bytes))).toBe(offset);
  });
});

describe('describeSystemError', () => {
  it.each([
    ['ENOENT', 'does not exist'],
    ['EACCES', 'cannot be read: permission denied'],
    ['ELOOP', 'is a symbolic link that loops back on itself'],
    ['EISDIR', 'is a folder, not a file'],
  ])('%s reads as "%s"', (code, reason) => {
    expect(describeSystemError(Object.assign(new Error(`${code}: boom`), { code })).reason).toBe(reason);
  });
});

describe('readTextFile', () => {
  const write = (name: string, content: string | Buffer): string => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('returns the text of a regular UTF-8 file exactly', () => {
    const file = write('ok.mmd', 'flowchart LR\n  A[Café ☕] --> B\n');
    expect(readTextFile(file, { maxBytes: 1024 })).toEqual({ ok: true, text: 'flowchart LR\n  A[Café ☕] --> B\n' });
  });

  it('accepts a file of exactly the limit and refuses one byte more', () => {
    expect(readTextFile(write('at.txt', 'x'.repeat(100)), { maxBytes: 100 }).ok).toBe(true);
    const over = readTextFile(write('over.txt', 'x'.repeat(101)), { maxBytes: 100 });
    expect(over).toEqual({ ok: false, error: expect.objectContaining({ problem: 'too-large', reason: 'is 101 bytes; the limit is 100 bytes' }) });
  });

  it.each([
    ['a missing file', () => join(dir, 'absent.mmd'), 'missing', 'does not exist'],
    ['a FIFO', () => {
      const file = join(dir, 'pipe.mmd');
      execFileSync('mkfifo', [file]);
      return file;
    }, 'not-regular', 'is a named pipe (FIFO), not a regular file'],
    ['a folder', () => {
      const file = join(dir, 'folder.mmd');
      mkdirSync(file);
      return file;
    }, 'not-regular', 'is a folder, not a regular file'],
    ['a link loop', () => {
      const file = join(dir, 'loop.mmd');
      symlinkSync(join(dir, 'loop.mmd'), file);
      return file;
    }, 'unreadable', 'is a symbolic link whose target is a symbolic link that loops back on itself'],
    ['a link to /dev/null', () => {
      const file = join(dir, 'null.mmd');
      symlinkSync('/dev/null', file);
      return file;
    }, 'not-regular', 'is a symbolic link to /dev/null, which is a character device, not a regular file'],
  ] as const)('refuses %s in words', (_what, make, problem, reason) => {
    const file = make();
    expect(readTextFile(file, { maxBytes: 1024 })).toEqual({ ok: false, error: { file, problem, reason, message: `${file}: ${reason}` } });
  });

  it('refuses a link leading out of the folder it was found in, even to a regular file', () => {
    const outside = mkdtempSync(join(tmpdir(), 'sysdrill-outside-'));
    try {
      writeFileSync(join(outside, 'secret.txt'), 'secret');
      const link = join(dir, 'link.mmd');
      symlinkSync(join(outside, 'secret.txt'), link);
      const result = readTextFile(link, { maxBytes: 1024 });
      expect(result.ok ? 'read' : result.error.problem).toBe('outside-folder');
      expect(JSON.stringify(result)).not.toContain('"secret"');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('names the byte offset of the first invalid UTF-8 byte', () => {
    const file = write('latin1.mmd', Buffer.from('flowchart LR\n  A[caf\xe9]\n', 'latin1'));
    const result = readTextFile(file, { maxBytes: 1024 });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ problem: 'not-utf8', byteOffset: 20 }) });
  });
});
