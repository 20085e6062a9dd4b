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
} as const;

export type ApiMethod = keyof typeof API_METHODS;
export type Channel = (typeof API_METHODS)[ApiMethod];

export const API_METHOD_NAMES = Object.keys(API_METHODS) as readonly ApiMethod[];
export const CHANNELS = Object.values(API_METHODS) as readonly Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
