// How every test and benchmark starts Debian's Chromium: as root, headless, and without the
// background traffic this machine's closed network refuses (see ../shared/TOOLCHAIN.md); and
// where Debian's Firefox ESR is.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const headlessChromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Debian's Firefox ESR, for the same tests in the other engine. */
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
