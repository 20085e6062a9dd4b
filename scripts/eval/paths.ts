import { fileURLToPath } from 'node:url';

const root = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

export const REPO_ROOT = root('');
export const CORPUS_DIR = root('tests/corpus/diagrams');
export const SPLIT_PATH = root('tests/corpus/split.json');
export const DEFAULT_CLI = root('bin/sysdrill.mjs');
export const RESULTS_PATH = root('eval-results.json');
export const TUNING_DETAILS_PATH = root('eval-details.tuning.json');
export const SECOND_PASS_DIR = root('tests/corpus/second-pass');
export const SECOND_PASS_TEST_DIR = root('tests/corpus/second-pass-test');
export const AGREEMENT_RESULTS_PATH = root('agreement-results.json');
export const AGREEMENT_TEST_RESULTS_PATH = root('agreement-results.test.json');
