// Pure decisions behind scripts/native-for-node.mjs and scripts/native-for-electron.mjs, kept
// apart so tests can check them without building anything.
import { join } from 'node:path';

const ABI_MISMATCH_PATTERNS = [
  /NODE_MODULE_VERSION/,
  /was compiled against a different Node\.js version/i,
  /invalid ELF header/i,
  /not a valid Win32 application/i,
  /incompatible architecture/i,
  /wrong ELF class/i,
];

/** True when a failed `require` of a native module means "built for another runtime/ABI". */
export function isAbiMismatch(message) {
  return ABI_MISMATCH_PATTERNS.some((pattern) => pattern.test(message));
}

/**
 * What `npm test` must do about better-sqlite3, given the error from loading it in this Node
 * (`undefined` when it loaded): nothing, rebuild it for this Node, or stop with the error.
 */
export function nodeAction(loadErrorMessage) {
  if (loadErrorMessage === undefined) return 'ok';
  return isAbiMismatch(loadErrorMessage) ? 'rebuild' : 'fail';
}

/** Where the Electron-ABI build of better-sqlite3 lives, relative to a base folder. */
export function electronBindingPath(baseDir, modulesVersion) {
  return join(baseDir, 'native', `electron-v${modulesVersion}`, 'better_sqlite3.node');
}

/**
 * What `npm start` must do: nothing when the Electron binary is not installed (it could not run
 * anyway) unless a build is forced (packaging), nothing when the binary for this ABI exists,
 * otherwise build it.
 */
export function electronAction({ electronBinaryPresent, bindingExists, force }) {
  if (bindingExists) return 'exists';
  if (!electronBinaryPresent && !force) return 'skip-no-electron';
  return 'build';
}

/**
 * The ways to produce the Electron build inside a temporary copy of the better-sqlite3 package,
 * tried in order: a prebuilt download, then a compile against Electron's headers.
 */
export function electronBuildAttempts({ nodePath, prebuildInstallBin, nodeGypBin, electronVersion, arch }) {
  return [
    {
      name: 'prebuild-install (download a prebuilt binary for Electron)',
      command: nodePath,
      args: [prebuildInstallBin, '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--verbose'],
    },
    {
      name: 'node-gyp (compile against Electron headers)',
      command: nodePath,
      args: [
        nodeGypBin,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
    },
  ];
}

/**
 * The environment for an Electron build: the caller's, minus any `nodedir` override. CI points
 * `npm_config_nodedir` at Node's headers so better-sqlite3 compiles for Node; node-gyp gives that
 * setting precedence over `--target`/`--dist-url`, which would silently build for Node's ABI again.
 */
export function electronBuildEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name.toLowerCase() !== 'npm_config_nodedir'));
}

/** Files of the package copied for an Electron build: everything but an existing build output. */
export function shouldCopyForBuild(relativePath) {
  const first = relativePath.split(/[\\/]/)[0];
  return first !== 'build' && first !== 'node_modules';
}
