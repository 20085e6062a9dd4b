import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PROMPTS_DIR, loadPromptsFromDir } from '../../prompts/node/load';
import type { Prompt } from '../../prompts/schema';
import { gradeFlowchart } from '../../rubrics/grade';
import { loadMermaid, parseMermaid } from '../../rubrics/parse/node/index';
import { GRADER_VERSION } from '../../rubrics/version';

/**
 * An attempt stores the grader version it was graded with, and the report screen offers to
 * re-grade an attempt whose version is not the current one. That only works if the version moves
 * whenever grading does. This test does not judge any grade: it fingerprints what the grader
 * says of a fixed set of designs (every prompt's reference and naive design, the candidate and
 * flawed designs under tests/) and fails when that changes while the version stays the same.
 *
 * When it fails after a deliberate change to the rules, the model, the scoring or a prompt's
 * rubric: bump GRADER_VERSION in rubrics/version.ts and record the new fingerprint (printed in
 * the failure) in tests/rubrics/graderFingerprint.json.
 */

const RECORD = join(import.meta.dirname, 'graderFingerprint.json');
const CANDIDATES = join(import.meta.dirname, '..', 'prompts', 'candidates');
const FLAWED = join(import.meta.dirname, 'flawed');

interface Fingerprint {
  readonly version: string;
  readonly sha256: string;
}

/** Each candidate design's prompt, by file name prefix (tests/prompts/candidateDesigns.test.ts grades the same files). */
const CANDIDATE_PROMPT: Readonly<Record<string, string>> = {
  auto: 'search-autocomplete',
  bank: 'banking',
  blog: 'blog-platform',
  collab: 'collaborative-editor',
  crawl: 'web-crawler',
  dcache: 'distributed-cache',
  feed: 'news-feed',
  insta: 'instagram',
  live: 'live-streaming',
  llm: 'llm-chat',
  msg: 'messenger',
  notif: 'notification-system',
  ride: 'ride-sharing',
  rl: 'rate-limiter',
  shop: 'ecommerce',
  tix: 'ticket-booking',
  trie: 'search-autocomplete',
  url: 'url-shortener',
  vod: 'video-on-demand',
};

const promptOfCandidate = (file: string): string => {
  const stem = /^[a-z]+/.exec(file)?.[0] ?? '';
  const id = CANDIDATE_PROMPT[stem];
  if (id === undefined) throw new Error(`tests/prompts/candidates/${file}: add its prompt to CANDIDATE_PROMPT`);
  return id;
};

function designs(prompts: readonly Prompt[]): { readonly name: string; readonly prompt: Prompt; readonly text: string }[] {
  const byId = new Map(prompts.map((p) => [p.id, p]));
  const prompt = (id: string): Prompt => {
    const p = byId.get(id);
    if (p === undefined) throw new Error(`no prompt ${id}`);
    return p;
  };
  const mmd = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.mmd')).sort();
  return [
    ...prompts.flatMap((p) => [
      { name: `${p.id}/reference`, prompt: p, text: p.reference.mermaid },
      { name: `${p.id}/naive`, prompt: p, text: p.naive.mermaid },
    ]),
    ...mmd(CANDIDATES).map((f) => ({ name: `candidates/${f}`, prompt: prompt(promptOfCandidate(f)), text: readFileSync(join(CANDIDATES, f), 'utf8') })),
    ...readdirSync(FLAWED)
      .sort()
      .flatMap((id) => mmd(join(FLAWED, id)).map((f) => ({ name: `flawed/${id}/${f}`, prompt: prompt(id), text: readFileSync(join(FLAWED, id, f), 'utf8') }))),
  ];
}

beforeAll(async () => {
  await loadMermaid();
});

describe('the grader version', () => {
  it('moves whenever what the grader says of a fixed set of designs changes', async () => {
    const lines: string[] = [];
    for (const design of designs(loadPromptsFromDir(BUILTIN_PROMPTS_DIR).prompts)) {
      const parsed = await parseMermaid(design.text);
      if (!parsed.ok) throw new Error(`${design.name} does not parse`);
      const report = gradeFlowchart(parsed.flowchart, design.prompt);
      const findings = report.findings.map((f) => `${f.rule}:${f.severity}:${f.nodes.join(',')}:${f.message}`).sort();
      lines.push(`${design.name} ${report.score.total}/${report.score.coverage}/${report.score.quality} ${findings.join(' | ')}`);
    }
    const now: Fingerprint = { version: GRADER_VERSION, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
    const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as Fingerprint;
    const advice =
      now.sha256 === recorded.sha256
        ? 'grading is unchanged'
        : now.version === recorded.version
          ? `grading changed while GRADER_VERSION stayed ${now.version}: bump it and record ${JSON.stringify(now)}`
          : `grading changed with the version: record ${JSON.stringify(now)}`;
    expect({ ...now, advice }).toEqual({ ...recorded, advice: 'grading is unchanged' });
  });
});
