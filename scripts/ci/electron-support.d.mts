export const SUPPORTED_MAJORS: number;
export function pinnedMajor(range: string): number;
export function supportedMajors(latestVersion: string): number[];
export function electronSupport(options: { pinnedRange: string; latestVersion: string }): { ok: boolean; message: string };
