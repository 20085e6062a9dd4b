/**
 * The runtime list of IPC channels and the `window.api` method bound to each. Deliberately free
 * of zod and of any other import: the sandboxed preload bundles this file, and the e2e harness
 * generates its bridge from it, so both expose exactly the same functions.
 * The schemas for every channel live in contract.ts (which checks it covers this list).
 */
export const API_METHODS = {
  listPrompts: 'prompts:list',
  getPrompt: 'prompts:get',
  getDraft: 'drafts:get',
  saveDraft: 'drafts:save',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  getGlossary: 'glossary:get',
  startAttempt: 'attempts:start',
  saveAttempt: 'attempts:save',
  submitAttempt: 'attempts:submit',
  getAttempt: 'attempts:get',
  listAttempts: 'attempts:list',
  listInProgressAttempts: 'attempts:in-progress',
  discardAttempt: 'attempts:discard',
  // export and import (branch export)
  exportAttempt: 'export:attempt',
  exportAllData: 'data:export',
  importData: 'data:import',
  // progress (issue 9, branch progress)
  getPracticeNext: 'progress:practice-next',
  getProgress: 'progress:get',
  // history (issue 9, branch history)
  historyPage: 'history:page',
  promptStats: 'history:prompt-stats',
  // workspace (branch workspace)
  getDraftExtras: 'drafts:get-extras',
  saveDraftExtras: 'drafts:save-extras',
} as const;

export type ApiMethod = keyof typeof API_METHODS;
export type Channel = (typeof API_METHODS)[ApiMethod];

export const API_METHOD_NAMES = Object.keys(API_METHODS) as readonly ApiMethod[];
export const CHANNELS = Object.values(API_METHODS) as readonly Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/**
 * Not request/answer channels but events: main asks the window to save what is unsaved before it
 * closes (`flushRequest`, with a request id) and the page answers `flushDone` with the same id
 * once every registered flusher has settled (renderer/src/lifecycle/flush.ts).
 */
export const LIFECYCLE_EVENTS = {
  flushRequest: 'lifecycle:flush',
  flushDone: 'lifecycle:flushed',
} as const;
