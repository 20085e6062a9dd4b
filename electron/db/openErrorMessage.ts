/** What the user reads when the database cannot be opened at start-up. */
export function openErrorMessage(error: unknown, modulesVersion: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    return (
      `${message}\n\nThe SQLite driver (better-sqlite3) is not built for this Electron (ABI ${modulesVersion}). ` +
      `From the project folder, run \`npm start\`: it builds native/electron-v${modulesVersion}/better_sqlite3.node once.`
    );
  }
  return message;
}
