// How every test and benchmark starts Debian's Chromium: as root, headless, and without the
// background traffic this machine's closed network refuses (see ../shared/TOOLCHAIN.md).
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
