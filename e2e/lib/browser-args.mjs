// How Chromium is started here: headless, no sandbox (the tests run as root), and none of the background
// connections to Google's services that this machine's closed network would refuse at every start.
export const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
