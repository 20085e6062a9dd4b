/** What the user reads when the database cannot be opened at start-up. */
export function openErrorMessage(error: unknown, modulesVersion: string, file?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    return (
      `${message}\n\nThe SQLite driver (better-sqlite3) is not built for this Electron (ABI ${modulesVersion}). ` +
      `From the project folder, run \`npm start\`: it builds native/electron-v${modulesVersion}/better_sqlite3.node once.`
    );
  }
  // Our own errors (too new, data folder) already name the file; SQLite's ("unable to open
  // database file") do not, and the user needs to know which file.
  if (file === undefined || message.includes(file)) return message;
  return `Sysdrill could not open its database\n${file}\n${message}`;
}
