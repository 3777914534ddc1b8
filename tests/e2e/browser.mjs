// Launches the system Chromium through playwright-core. Playwright's own browser
// downloads cannot work here (no network but the package registries), so every
// browser test and the benchmark share this one launcher and its flags.
import { chromium } from 'playwright-core';

/** Flags for a quiet, sandbox-free headless run (root in a container, no GPU). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts headless Chromium from /usr/bin/chromium.
 * @returns {Promise<import('playwright-core').Browser>} close it with `browser.close()`
 */
export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
