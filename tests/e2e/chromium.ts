/** Debian's Chromium (Playwright downloads no browser here); override with SYSDRILL_CHROMIUM. */
export const CHROMIUM_EXECUTABLE = process.env['SYSDRILL_CHROMIUM'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
