/**
 * `npx tsx scripts/eval/split.ts` — applies the split rule to every repository that has a
 * tests/corpus/diagrams/<owner>__<name>__<n>.labels.json and writes tests/corpus/split.json. The
 * repository is read from the file name (the labels test checks it matches `source.repo`), so a
 * labels file still being written does not move its repository.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { CORPUS_DIR, SPLIT_PATH } from './paths';
import { repoFromStem } from './labels';
import { buildSplit } from './splitRule';

const repos: string[] = [];
for (const name of readdirSync(CORPUS_DIR).sort()) {
  if (!name.endsWith('.labels.json')) continue;
  const repo = repoFromStem(name.replace(/\.labels\.json$/, ''));
  if (repo === undefined) {
    process.stderr.write(`split: ${name}: file name is not <owner>__<name>__<n>.labels.json\n`);
    process.exit(1);
  }
  repos.push(repo);
}
const split = buildSplit(repos);
writeFileSync(SPLIT_PATH, `${JSON.stringify(split, null, 2)}\n`);
process.stdout.write(`split: ${split.tuning.length} tuning, ${split.test.length} test repositories → ${SPLIT_PATH}\n`);
