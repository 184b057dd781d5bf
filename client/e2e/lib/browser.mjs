// Chromium through playwright-core: the system browser, headless, no network but loopback.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** The saved session the SPA restores from localStorage (features/auth/auth-slice.ts). */
export const AUTH_STORAGE_KEY = 'oneai.auth';

/**
 * A fresh context (own storage) in English at `width` px. With `auth` (an AuthResult), the
 * SPA starts signed in. Any request that leaves loopback is refused and remembered.
 */
export async function newContext(browser, baseUrl, { width = 1440, height = 900, auth = null, reducedMotion = 'reduce' } = {}) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width, height },
    locale: 'en-US',
    timezoneId: 'UTC',
    reducedMotion,
    deviceScaleFactor: 1,
  });
  context.offsite = [];
  await context.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    context.offsite.push(url);
    return route.abort('blockedbyclient');
  });
  if (auth) {
    const saved = JSON.stringify({ token: auth.token, expiresAt: auth.expiresAt, user: auth.user });
    await context.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('e2e.seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('e2e.seeded', '1');
        }
      },
      [AUTH_STORAGE_KEY, saved],
    );
  }
  return context;
}

/** Collects console errors and failed same-origin requests of a page, for assertions. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A failed response is reported below with its address instead.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}

/** Waits until no loading skeleton is on screen and the network is quiet. */
export async function settle(page, timeout = 15_000) {
  await page.waitForLoadState('networkidle', { timeout }).catch(() => {});
  await page.waitForFunction(() => !document.querySelector('.skeleton, [aria-busy="true"]'), null, { timeout });
  await page.evaluate(() => document.fonts?.ready);
}

/** Scrolls through the page so reveal-on-scroll sections show, then back to the top. */
export async function revealAll(page) {
  await page.evaluate(async () => {
    const step = Math.max(200, Math.floor(innerHeight * 0.8));
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 40));
    }
    scrollTo(0, document.documentElement.scrollHeight);
    await new Promise((r) => setTimeout(r, 120));
    scrollTo(0, 0);
  });
  await page.waitForTimeout(450);
}
