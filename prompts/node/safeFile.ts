import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/**
 * The one way the app and the CLI read a file they did not write themselves (prompt files, user
 * prompt packs, the glossary, diagrams). A file must be a regular file: FIFOs, devices, sockets
 * and folders are refused from their `lstat`/`stat` alone, so they are never opened (opening a
 * FIFO blocks; reading /dev/zero never ends). A symbolic link must lead to a regular file inside
 * the folder being read. The size is checked before reading and at most `maxBytes` are read even
 * if the file grows meanwhile, and the bytes must be valid UTF-8.
 */

export type FileProblem = 'missing' | 'not-regular' | 'outside-folder' | 'too-large' | 'not-utf8' | 'unreadable';

export interface FileReadError {
  readonly file: string;
  readonly problem: FileProblem;
  /** What is wrong, in words, without the file name. */
  readonly reason: string;
  /** For `not-utf8`: the offset of the first byte that is not valid UTF-8. */
  readonly byteOffset?: number;
  /** `<file>: <reason>`. */
  readonly message: string;
}

export type FileReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: FileReadError };

export interface ReadLimits {
  readonly maxBytes: number;
  /**
   * A symbolic link must resolve inside this folder. Defaults to the folder holding the file, so
   * a link next to a diagram may not point at, say, /etc/passwd.
   */
  readonly folder?: string;
}

function failure(file: string, problem: FileProblem, reason: string, byteOffset?: number): { ok: false; error: FileReadError } {
  return { ok: false, error: { file, problem, reason, ...(byteOffset === undefined ? {} : { byteOffset }), message: `${file}: ${reason}` } };
}

/** What a non-regular file is, in words. */
export function describeFileType(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** An operating-system error as words a user can act on, never a bare ENOENT/ELOOP/EISDIR. */
export function describeSystemError(error: unknown): { readonly problem: FileProblem; readonly reason: string } {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return { problem: 'missing', reason: 'does not exist' };
    case 'ENOTDIR':
      return { problem: 'missing', reason: 'does not exist (a part of its path is a file, not a folder)' };
    case 'EACCES':
    case 'EPERM':
      return { problem: 'unreadable', reason: 'cannot be read: permission denied' };
    case 'ELOOP':
      return { problem: 'unreadable', reason: 'is a symbolic link that loops back on itself' };
    case 'EISDIR':
      return { problem: 'not-regular', reason: 'is a folder, not a file' };
    case 'ENAMETOOLONG':
      return { problem: 'unreadable', reason: 'has a path too long for the system' };
    case 'EMFILE':
    case 'ENFILE':
      return { problem: 'unreadable', reason: 'cannot be opened: too many files are open' };
    case 'EIO':
      return { problem: 'unreadable', reason: 'cannot be read: the disk reported an input/output error' };
    default: {
      const detail = error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
      return { problem: 'unreadable', reason: `cannot be read (${detail})` };
    }
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Where a file really is (links resolved) and what it is, without opening it. */
function inspect(file: string, limits: ReadLimits): { ok: true; target: string; stats: Stats } | { ok: false; error: FileReadError } {
  let own: Stats;
  try {
    own = lstatSync(file);
  } catch (error) {
    const { problem, reason } = describeSystemError(error);
    return failure(file, problem, reason);
  }
  if (!own.isSymbolicLink()) {
    if (!own.isFile()) return failure(file, 'not-regular', `is ${describeFileType(own)}, not a regular file`);
    return { ok: true, target: file, stats: own };
  }
  let target: string;
  let stats: Stats;
  try {
    // realpath and stat follow the link without opening what it points to.
    target = realpathSync.native(file);
    stats = statSync(target);
  } catch (error) {
    const { problem, reason } = describeSystemError(error);
    return failure(file, problem, `is a symbolic link whose target ${reason}`);
  }
  if (!stats.isFile()) return failure(file, 'not-regular', `is a symbolic link to ${target}, which is ${describeFileType(stats)}, not a regular file`);
  const folder = limits.folder ?? dirname(resolve(file));
  let realFolder: string;
  try {
    realFolder = realpathSync.native(folder);
  } catch {
    realFolder = resolve(folder);
  }
  if (!isInside(realFolder, target)) {
    return failure(file, 'outside-folder', `is a symbolic link to ${target}, outside the folder ${realFolder}; copy the file into the folder instead`);
  }
  return { ok: true, target, stats };
}

// Absent on Windows, where neither a FIFO open nor a link swap works the same way.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Reads at most `maxBytes + 1` bytes, so a file that grew after the size check is still caught. */
function readBounded(path: string, expected: Stats, maxBytes: number): { ok: true; bytes: Uint8Array } | { ok: false; reason: string; problem: FileProblem } {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, ...describeSystemError(error) };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.ino !== expected.ino || opened.dev !== expected.dev) {
      return { ok: false, problem: 'unreadable', reason: 'was replaced while it was being read; try again' };
    }
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { ok: false, problem: 'too-large', reason: `is larger than the limit of ${formatBytes(maxBytes)}` };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, ...describeSystemError(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong forms,
 * surrogates and code points above U+10FFFF included), or undefined when all of it is valid.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    for (let k = 1; k < length; k += 1) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a text file under the rules above; never throws, never blocks on a special file. */
export function readTextFile(file: string, limits: ReadLimits): FileReadResult {
  const found = inspect(file, limits);
  if (!found.ok) return found;
  if (found.stats.size > limits.maxBytes) {
    return failure(file, 'too-large', `is ${formatBytes(found.stats.size)}; the limit is ${formatBytes(limits.maxBytes)}`);
  }
  const read = readBounded(found.target, found.stats, limits.maxBytes);
  if (!read.ok) return failure(file, read.problem, read.reason);
  const offset = firstInvalidUtf8Offset(read.bytes);
  if (offset !== undefined) {
    return failure(file, 'not-utf8', `is not valid UTF-8 text: byte ${offset} (0x${(read.bytes[offset] as number).toString(16).padStart(2, '0')}) starts an invalid sequence; save it as UTF-8`, offset);
  }
  return { ok: true, text: decoder.decode(read.bytes) };
}
