import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The layer rule's verdict on one import written in a file at `file` (repository-relative). */
async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = value;\n`, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layering allow-lists (eslint.config.js LAYERS)', () => {
  it.each([
    ['rubrics/rules/x.ts', "import { value } from '../../prompts/schema';", 'rubrics/ may import only nothing of the app'],
    ['rubrics/x.ts', "import { value } from '../electron/ipc/contract';", 'rubrics/ may import only nothing of the app'],
    ['prompts/x.ts', "import { value } from '../electron/ipc/contract';", 'prompts/ may import only rubrics'],
    ['bench/x.ts', "import { value } from '../electron/ipc/handlers';", 'bench/ may import only prompts, rubrics, electron/db/attempts, electron/db/open'],
    ['electron/ipc/x.ts', "import { value } from '../../renderer/src/route';", 'electron/ may import only prompts, rubrics'],
    ['renderer/src/x.ts', "import { value } from '../../cli/main';", 'renderer/ may import only rubrics, prompts, electron/ipc/contract'],
    ['cli/x.ts', "import { value } from '../electron/db/open';", 'cli/ may import only prompts, rubrics'],
    ['scripts/fuzz/x.ts', "import { value } from '../../electron/ipc/handlers';", 'scripts/ may import only prompts, rubrics, bench/diagrams'],
    ['scripts/fuzz/x.ts', "import { value } from '../../electron/db/open';", 'scripts/ may import only'],
  ])('refuses in %s: %s', async (file, source, message) => {
    expect((await layerErrors(file, source)).join('\n')).toContain(message);
  });

  it.each([
    ['prompts/x.ts', "import { value } from '../rubrics/vocabulary';"],
    ['bench/x.ts', "import { value } from '../electron/db/open';"],
    ['electron/ipc/x.ts', "import { value } from '../../rubrics/grade';"],
    ['renderer/src/x.ts', "import type { value } from '../../electron/ipc/contract';"],
    ['rubrics/model/x.ts', "import { value } from '../vocabulary';"],
    ['scripts/fuzz/x.ts', "import { value } from '../../electron/ipc/contract';"],
    ['tests/x.test.ts', "import { value } from '../electron/db/open';"],
  ])('allows in %s: %s', async (file, source) => {
    expect(await layerErrors(file, source)).toEqual([]);
  });
});
