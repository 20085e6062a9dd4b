export const PROVISIONED_NODE_MAJOR: number;
export function parseVersion(text: string): [number, number, number];
export function engineFloor(range: string): [number, number, number];
export function satisfiesFloor(version: string, floor: readonly [number, number, number]): boolean;
export function nodePackageFor(platform: string, arch: string): string;
export function nodeDecision(options: { version: string; enginesRange: string; platform: string; arch: string }): string;
