// Runs Electronegativity's scanner without its command line: the CLI first fetches translations
// over the network (a 1 s `got` request whose retry, when DNS answers slower than the timeout,
// throws from a timer and kills the process before any report is written). Here the bundled
// English strings are loaded from disk instead, and the scanner's own runner is called with the
// options the CLI would pass, minus its report file: the tool writes its CSV header and its rows
// with two unsynchronised fs.writeFile calls, so the header can land on top of the first row and
// corrupt the report. The runner returns the findings; this script writes them once, as JSON.
//   node electronegativity-offline.mjs <input dir> <electron version> <report.json>
import { writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The scanner is CommonJS: it is loaded, and its module cache primed, through a CommonJS loader.
const load = createRequire(import.meta.url);
const pkg = load.resolve('@doyensec/electronegativity/package.json');
const dist = join(dirname(pkg), 'dist');
const i18n = load(load.resolve('i18n', { paths: [dirname(pkg)] }));

// The runner awaits the scanner's own locales/i18n.js (the network fetch): this process registers
// an offline loader under that module's path before the runner is loaded, so it is used instead.
function loadEnglishStrings() {
  i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: join(dist, 'locales'), updateFiles: false, objectNotation: true, register: global });
  i18n.setLocale('en-US');
  return Promise.resolve();
}
const localesModule = load.resolve(join(dist, 'locales', 'i18n.js'));
const offline = new Module(localesModule);
offline.filename = localesModule;
offline.loaded = true;
offline.exports = Object.assign(loadEnglishStrings, { default: loadEnglishStrings, __esModule: true });
load.cache[localesModule] = offline;

const [input, electronVersion, output] = process.argv.slice(2);
if (!input || !electronVersion || !output) {
  console.error('usage: electronegativity-offline.mjs <input dir> <electron version> <report.json>');
  process.exit(2);
}
const run = load(join(dist, 'runner.js'));
run(
  {
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
)
  .then(({ issues }) => {
    const findings = issues.map((issue) => ({
      issue: issue.id,
      severity: issue.severity?.name ?? 'UNKNOWN',
      confidence: issue.confidence?.name ?? 'UNKNOWN',
      filename: issue.file,
      location: `${issue.location?.line ?? '?'}:${issue.location?.column ?? '?'}`,
      sample: issue.sample ?? '',
      description: issue.description ?? '',
    }));
    writeFileSync(output, `${JSON.stringify(findings, null, 2)}\n`);
  })
  .catch((error) => {
  console.error(error.stack);
  process.exit(1);
});
