export function isAbiMismatch(message: string): boolean;
export function nodeAction(loadErrorMessage: string | undefined): 'ok' | 'rebuild' | 'fail';
export function electronBindingPath(baseDir: string, modulesVersion: string): string;
export function electronAction(state: {
  readonly electronBinaryPresent: boolean;
  readonly bindingExists: boolean;
  readonly force: boolean;
}): 'exists' | 'skip-no-electron' | 'build';
export interface BuildAttempt {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
}
export function electronBuildAttempts(options: {
  readonly nodePath: string;
  readonly prebuildInstallBin: string;
  readonly nodeGypBin: string;
  readonly electronVersion: string;
  readonly arch: string;
}): BuildAttempt[];
export function shouldCopyForBuild(relativePath: string): boolean;
export function electronBuildEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined>;
