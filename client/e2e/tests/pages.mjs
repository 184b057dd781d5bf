// Every page at 390 and 1440 px: it renders what it should, a screenshot goes to
// tests/artifacts/screenshots/<page>-<width>.png, and at 390 px nothing scrolls sideways.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { newContext, revealAll, settle, watchErrors } from '../lib/browser.mjs';
import { REPO } from '../lib/stack.mjs';
import { assert, section, test } from '../lib/runner.mjs';

export const SCREENSHOTS = join(REPO, 'tests', 'artifacts', 'screenshots');
export const WIDTHS = [390, 1440];

/** The pages: who looks at them and what proves each one rendered. */
export function pageList({ modelId, companyId }) {
  return [
    { name: 'home', path: '/', as: 'anon', ready: (page) => page.getByTestId('company-card').first() },
    { name: 'models', path: '/models', as: 'anon', ready: (page) => page.getByTestId('model-card').first() },
    { name: 'model', path: `/models/${encodeURIComponent(modelId ?? 'unknown')}`, as: 'anon', ready: (page) => page.getByTestId('rate-limit-table') },
    { name: 'company', path: `/companies/${encodeURIComponent(companyId ?? 'unknown')}`, as: 'anon', ready: (page) => page.getByTestId('model-card').first() },
    { name: 'docs', path: '/docs', as: 'anon', ready: (page) => page.getByTestId('docs-base-url') },
    { name: 'sign-in', path: '/signin', as: 'anon', ready: (page) => page.getByTestId('signin-form') },
    { name: 'sign-up', path: '/signup', as: 'anon', ready: (page) => page.getByTestId('signup-form') },
    { name: 'dashboard', path: '/dashboard', as: 'user', ready: (page) => page.getByTestId('key-row').first() },
    { name: 'requests', path: '/requests', as: 'user', ready: (page) => page.getByTestId('request-row').first() },
    { name: 'admin-sync', path: '/admin/sync', as: 'admin', ready: (page) => page.getByTestId('sync-status') },
    { name: 'admin-models', path: '/admin/models', as: 'admin', ready: (page) => page.getByTestId('admin-model-row').first() },
    { name: 'admin-tiers', path: '/admin/tiers', as: 'admin', ready: (page) => page.getByTestId('tier-row').first() },
    { name: 'admin-users', path: '/admin/users', as: 'admin', ready: (page) => page.getByTestId('user-row').first() },
    { name: 'admin-approvals', path: '/admin/approvals', as: 'admin', ready: (page) => page.getByTestId('approval-row').first() },
    { name: 'admin-audit', path: '/admin/audit', as: 'admin', ready: (page) => page.getByTestId('audit-row').first() },
    { name: 'not-found', path: '/no-such-page', as: 'anon', ready: (page) => page.getByRole('heading', { level: 1, name: 'This page does not exist' }) },
  ];
}

/** Opens a page, waits for it to settle and proves it rendered; returns the errors seen. */
async function visit(page, entry) {
  const errors = watchErrors(page);
  const response = await page.goto(entry.path);
  assert(response?.ok(), `${entry.path} answered ${response?.status()}`);
  await entry.ready(page).waitFor({ timeout: 15_000 });
  await settle(page);
  await revealAll(page);
  return errors;
}

/**
 * The whole page in one picture: the viewport grows to the page's height first, so fixed bars
 * (the phone tab bar) sit where a person sees them instead of over the middle of the page.
 */
async function screenshotWhole(page, path, width) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: Math.min(height, 20_000) });
  await page.waitForTimeout(200);
  await page.screenshot({ path });
}

export async function runPages({ browser, stack, state }) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const pages = pageList(state);
  for (const width of WIDTHS) {
    section(`Pages at ${width} px${width === 390 ? ' (screenshot + no sideways scroll)' : ' (screenshot)'}`);
    const contexts = {
      anon: await newContext(browser, stack.baseUrl, { width }),
      user: await newContext(browser, stack.baseUrl, { width, auth: state.userAuth }),
      admin: await newContext(browser, stack.baseUrl, { width, auth: state.adminAuth }),
    };
    try {
      for (const entry of pages) {
        const label = width === 390 ? `${entry.name} at 390 px: renders, no sideways scroll` : `${entry.name} at ${width} px: renders`;
        await test(label, async () => {
          const page = await contexts[entry.as].newPage();
          try {
            const errors = await visit(page, entry);
            const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => ({
              scrollWidth: document.documentElement.scrollWidth,
              innerWidth: window.innerWidth,
              culprits: [...document.querySelectorAll('body *')]
                .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 5)
                .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(el.getBoundingClientRect().right)}px`),
            }));
            await screenshotWhole(page, join(SCREENSHOTS, `${entry.name}-${width}.png`), width);
            if (width === 390) {
              assert(scrollWidth <= innerWidth, `scrollWidth ${scrollWidth} > innerWidth ${innerWidth}: ${culprits.join('; ')}`);
            }
            assert(errors.length === 0, `errors on ${entry.path}:\n${errors.join('\n')}`);
          } finally {
            await page.close();
          }
        });
      }
    } finally {
      for (const context of Object.values(contexts)) {
        state.offsite.push(...context.offsite);
        await context.close();
      }
    }
  }
}
