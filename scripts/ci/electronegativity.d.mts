export const SEVERITIES: readonly string[];
export function parseCsv(text: string): string[][];
export type Finding = Record<string, string>;
export function findingsOf(csvText: string): Finding[];
export function blockingFindings(findings: readonly Finding[], minimum?: string): Finding[];
export function describeFinding(finding: Finding): string;
