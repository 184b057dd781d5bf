// The story of issue 6, as people do it in the browser: the admin syncs the catalog; a person
// signs up (a bad password first), the admin approves them and sets a paid tier with a balance;
// they create a key, call the proxy with the official openai SDK, and see each request and its
// cost in Requests; the admin changes a price and syncs; the next request costs the new price.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { newContext, settle, watchErrors } from '../lib/browser.mjs';
import { REPO } from '../lib/stack.mjs';
import { assert, assertEqual, eventually, flow } from '../lib/runner.mjs';

export const MODEL = 'gpt-3.5-turbo';
const PAID_TIER = 'Starter';
const TOP_UP = 5;
const NEW_PRICE = { input: 120, output: 360 };
const PROMPT = 'Hello from the end to end test of OneAI Hub';
const FAILURES = join(REPO, 'tests', 'artifacts', 'failures');

/** Formats a request cost exactly as the SPA does (use-format.ts `cost`: USD, 2–6 decimals). */
export function formatCost(value) {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 6,
  }).format(value);
}

function formatMoney(value) {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(value);
}

/** Signs in through the form and waits for the dashboard. */
async function signInThroughForm(page, email, password) {
  await page.goto('/signin');
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL('**/dashboard');
}

/** Presses "Sync models now" and waits for a run that started after `after` to succeed. */
async function syncModelsNow(page, after) {
  await page.goto('/admin/sync');
  const button = page.getByTestId('sync-models');
  await button.waitFor();
  assert(await button.isEnabled(), 'Sync models now is disabled (is LiteLLM configured?)');
  await button.click();
  const status = page.getByTestId('sync-status');
  const lastRun = () => page.evaluate(async () => {
    const { token } = JSON.parse(localStorage.getItem('oneai.auth'));
    const response = await fetch('/api/admin/sync/status', { headers: { authorization: `Bearer ${token}` } });
    return (await response.json()).lastRun;
  });
  // The panel shows the run under way from the press on; wait for this run's result, not the last one's.
  let run;
  await eventually('the sync started by the press to finish with "Succeeded"', async () => {
    if ((await status.getByText('Failed').count()) > 0) throw new Error(`sync failed: ${await status.innerText()}`);
    if ((await status.getByText('Succeeded').count()) === 0 || !(await button.isEnabled())) return false;
    run = await lastRun();
    return Boolean(run) && Date.parse(run.startedAt) >= after - 1000;
  }, 60_000, 300);
  assert(!run.error, `the last run reports an error: ${run.error}`);
  return run;
}

/** The rows of the Requests table as a person reads them (newest first). */
async function readRequestRows(page) {
  return page.getByTestId('request-row').evaluateAll((rows) =>
    rows.map((row) => {
      const cell = (label) => row.querySelector(`td[data-label="${label}"]`)?.textContent?.trim() ?? '';
      return {
        model: cell('Model'),
        status: cell('Status'),
        inputTokens: cell('Input tokens'),
        outputTokens: cell('Output tokens'),
        inputCost: row.querySelector('[data-testid="cost-input"]')?.textContent?.trim() ?? null,
        outputCost: row.querySelector('[data-testid="cost-output"]')?.textContent?.trim() ?? null,
        totalCost: cell('Cost'),
      };
    }),
  );
}

/** Opens Requests with the cost breakdown on and waits for `count` rows. */
async function openRequests(page, count) {
  return eventually(`Requests to show ${count} rows`, async () => {
    await page.goto('/requests');
    await settle(page);
    const toggle = page.getByTestId('cost-breakdown-toggle');
    if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
    await page.getByTestId('requests-table').waitFor({ timeout: 3000 });
    const rows = await readRequestRows(page);
    return rows.length >= count ? rows : null;
  }, 15_000, 500);
}

export async function runHubFlow({ browser, stack, state }) {
  const admin = await newContext(browser, stack.baseUrl);
  const person = await newContext(browser, stack.baseUrl);
  const adminPage = await admin.newPage();
  const page = await person.newPage();
  const step = flow('Flow: sync, sign up, approval, key, proxy, history, price change', {
    // What each side saw when a step failed: tests/artifacts/failures/flow-{admin,person}.png
    onFailure: async () => {
      mkdirSync(FAILURES, { recursive: true });
      await adminPage.screenshot({ path: join(FAILURES, 'flow-admin.png'), fullPage: true });
      await page.screenshot({ path: join(FAILURES, 'flow-person.png'), fullPage: true });
    },
  });
  const errors = [...watchErrors(adminPage), ...watchErrors(page)];
  const email = `e2e-${Date.now()}@example.com`;
  const password = 'correct-horse-42';
  const you = { name: 'Ada Tester' };
  let key = null;
  let price = null;
  let syncedAt = 0;

  try {
    await step('admin signs in through the form and sees the Admin link', async () => {
      await signInThroughForm(adminPage, stack.admin.email, stack.admin.password);
      await adminPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).waitFor();
    });

    await step('admin presses Sync now and the stand-in\'s models appear in the catalog', async () => {
      syncedAt = Date.now();
      const run = await syncModelsNow(adminPage, syncedAt);
      assert(run.created + run.updated + run.unchanged > 0, `the sync saw no models: ${JSON.stringify(run)}`);
      await adminPage.goto(`/models?q=${MODEL}`);
      await settle(adminPage);
      await adminPage.getByTestId('model-card').filter({ hasText: MODEL }).first().waitFor();
      const model = await stack.api(`/api/models/${MODEL}`);
      assertEqual(model.status, 200, `GET /api/models/${MODEL}`);
      assert(model.json.tiers.includes('Free') && model.json.tiers.includes(PAID_TIER), `${MODEL} tiers: ${model.json.tiers}`);
      price = { input: model.json.inputPricePerMillion, output: model.json.outputPricePerMillion };
      assert(price.input > 0 && price.output > 0, `${MODEL} has no price: ${JSON.stringify(price)}`);
      state.syncedModel = model.json;
    });

    await step('sign-up shows a too-short password in place, then the server\'s rule, then succeeds', async () => {
      await page.goto('/signup');
      await page.getByTestId('signup-name').fill(you.name);
      await page.getByTestId('signup-email').fill(email);
      const passwordField = page.getByTestId('signup-password');
      await passwordField.fill('short');
      await page.getByTestId('signup-submit').click();
      const form = page.getByTestId('signup-form');
      await form.locator('.field__error', { hasText: 'The password needs at least 10 characters.' }).waitFor();
      assertEqual(await passwordField.getAttribute('aria-invalid'), 'true', 'password aria-invalid after a short one');
      assert(page.url().endsWith('/signup'), 'a bad password must keep the person on the form');

      await passwordField.fill('longenoughbutnodigit');
      await page.getByTestId('signup-submit').click();
      await form.locator('.field__error', { hasText: 'Password must contain at least one letter and one digit.' }).waitFor();
      assertEqual(await passwordField.getAttribute('aria-invalid'), 'true', 'password aria-invalid after the server refused it');
      assert(page.url().endsWith('/signup'), 'a refused password must keep the person on the form');

      await passwordField.fill(password);
      assert(await page.getByTestId('signup-free-tier').isChecked(), 'the Free tier request is on by default');
      await page.getByTestId('signup-submit').click();
      await page.waitForURL('**/dashboard');
      await page.getByRole('heading', { name: `Hello, ${you.name}` }).or(page.getByRole('heading', { level: 1 })).first().waitFor();
      await page.getByTestId('pending-banner').waitFor();
    });

    await step('admin approves the person in Admin → Approvals', async () => {
      await adminPage.goto('/admin/approvals');
      const row = adminPage.getByTestId('approval-row').filter({ hasText: email });
      await row.waitFor();
      await row.getByRole('button', { name: `Approve the Free tier for ${email}` }).click();
      await row.waitFor({ state: 'detached' });
    });

    await step(`admin moves them to ${PAID_TIER} and adds ${formatMoney(TOP_UP)} in Admin → Users`, async () => {
      await adminPage.goto('/admin/users');
      await adminPage.getByTestId('users-search').fill(email);
      const row = adminPage.getByTestId('user-row').filter({ hasText: email });
      await eventually('one user row for the email', async () => (await adminPage.getByTestId('user-row').count()) === 1 && (await row.count()) === 1);
      await row.getByText('Active', { exact: true }).waitFor();
      await row.getByTestId('user-edit').click();
      await row.getByTestId('user-tier').selectOption({ label: PAID_TIER });
      await row.getByTestId('user-save').click();
      // The row's tier pill is what lasts (the editor remounts on the fresh row, so "Saved." may flash by).
      await row.locator('.pill', { hasText: PAID_TIER }).waitFor();
      if (!(await row.getByTestId('balance-amount').isVisible())) await row.getByTestId('user-edit').click();
      await row.getByTestId('balance-amount').fill(String(TOP_UP));
      await row.getByTestId('balance-reason').fill('e2e top-up');
      await row.getByTestId('balance-apply').click();
      await row.getByText(formatMoney(TOP_UP), { exact: true }).waitFor();
    });

    await step('the person\'s dashboard shows them active, on the paid tier, with the balance', async () => {
      await page.goto('/dashboard');
      await settle(page);
      await eventually('the pending banner to go', async () => (await page.getByTestId('pending-banner').count()) === 0, 10_000);
      await page.getByTestId('dash-balance').filter({ hasText: formatMoney(TOP_UP) }).waitFor();
      await page.locator('dd').filter({ hasText: new RegExp(`^${PAID_TIER}$`) }).first().waitFor();
    });

    await step('the person creates an API key and sees it once in the reveal dialog', async () => {
      await page.getByTestId('key-create-open').click();
      await page.getByTestId('key-create-name').fill('e2e laptop');
      await page.getByTestId('key-create-submit').click();
      const dialog = page.getByTestId('key-reveal-dialog');
      await dialog.getByText('Copy it now — you will not see it again.').waitFor();
      key = (await dialog.getByTestId('key-reveal-value').innerText()).trim();
      assert(/^ohk-\S{20,}$/.test(key), `the revealed key looks wrong: ${key}`);
      await dialog.getByTestId('key-reveal-close').click();
      await dialog.getByTestId('key-reveal-value').waitFor({ state: 'detached' });
      const row = page.getByTestId('key-row').filter({ hasText: 'e2e laptop' });
      await row.waitFor();
      const prefix = (await row.locator('code').innerText()).replace('…', '');
      assert(prefix.length >= 4 && key.startsWith(prefix), `the row's prefix ${prefix} is not the key's start`);
      assert(!(await page.content()).includes(key), 'the plaintext key is still on the page after closing');
    });

    const openai = () => new OpenAI({ apiKey: key, baseURL: `${stack.baseUrl}/v1`, maxRetries: 0, timeout: 30_000 });

    await step(`the openai SDK calls ${MODEL} through the proxy, plain and streaming`, async () => {
      const client = openai();
      const models = await client.models.list();
      assert(models.data.some((m) => m.id === MODEL), `/v1/models lacks ${MODEL}`);
      const completion = await client.chat.completions.create({
        model: MODEL,
        messages: [{ role: 'user', content: PROMPT }],
        max_tokens: 64,
      });
      assertEqual(completion.choices[0].message.content, `Echo: ${PROMPT}`, 'the reply');
      assert(completion.usage.prompt_tokens > 0 && completion.usage.completion_tokens > 0, 'usage is reported');
      state.firstUsage = completion.usage;

      const stream = await client.chat.completions.create({
        model: MODEL,
        messages: [{ role: 'user', content: `${PROMPT} streaming` }],
        max_tokens: 64,
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = '';
      let usage = null;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        if (chunk.usage) usage = chunk.usage;
      }
      assertEqual(text.replace(/\s+/g, ' ').trim(), `Echo: ${PROMPT} streaming`, 'the streamed reply');
      assert(usage && usage.completion_tokens > 0, 'the stream ends with usage');
      state.streamUsage = usage;
    });

    await step('Requests shows both calls with their cost, and the breakdown adds up', async () => {
      const rows = await openRequests(page, 2);
      assertEqual(rows.length, 2, 'rows in history');
      const [streamed, plain] = rows;
      for (const [row, usage] of [[plain, state.firstUsage], [streamed, state.streamUsage]]) {
        assert(row.model.startsWith(MODEL), `row model: ${row.model}`);
        assertEqual(row.status, '200', 'row status');
        assertEqual(row.inputTokens, String(usage.prompt_tokens), 'input tokens');
        assertEqual(row.outputTokens, String(usage.completion_tokens), 'output tokens');
        const input = (usage.prompt_tokens * price.input) / 1e6;
        const output = (usage.completion_tokens * price.output) / 1e6;
        assertEqual(row.inputCost, formatCost(input), 'input cost');
        assertEqual(row.outputCost, formatCost(output), 'output cost');
        assertEqual(row.totalCost, formatCost(input + output), 'total cost');
      }
      assert(streamed.model.includes('streamed'), `the newest row should be the streamed one: ${streamed.model}`);
      await page.getByTestId('requests-totals').getByText('2 requests').waitFor();
      // Turning the breakdown off hides the per-part columns again.
      await page.getByTestId('cost-breakdown-toggle').click();
      await eventually('the cost columns to hide', async () => (await page.getByTestId('cost-input').count()) === 0, 3000);
    });

    await step(`admin sets ${MODEL}'s price in Admin → Models and syncs again; the override holds`, async () => {
      await adminPage.goto('/admin/models');
      const row = adminPage.getByTestId('admin-model-row').filter({ hasText: MODEL }).filter({ hasNotText: `${MODEL}-` }).first();
      await row.waitFor();
      await row.getByTestId('price-input').fill(String(NEW_PRICE.input));
      await row.getByTestId('price-output').fill(String(NEW_PRICE.output));
      const save = row.getByTestId('model-config-save');
      await save.click();
      // Saved: the row holds the new prices and has nothing left to save (the row may remount on
      // the refreshed list, so the transient "Saved." is not what to wait for).
      await eventually('the save to go through', async () => (await save.isDisabled()) && (await row.getByTestId('price-input').inputValue()) === String(NEW_PRICE.input), 10_000);

      await syncModelsNow(adminPage, Date.now());
      await adminPage.goto('/admin/models');
      const after = adminPage.getByTestId('admin-model-row').filter({ hasText: MODEL }).filter({ hasNotText: `${MODEL}-` }).first();
      await after.waitFor();
      assertEqual(await after.getByTestId('price-input').inputValue(), String(NEW_PRICE.input), 'input price after the sync');
      assertEqual(await after.getByTestId('price-output').inputValue(), String(NEW_PRICE.output), 'output price after the sync');
      // What everyone sees: the public model page shows the new price within a second or so.
      await eventually('the public catalog to show the new price', async () => {
        const model = await stack.api(`/api/models/${MODEL}`);
        return model.json.inputPricePerMillion === NEW_PRICE.input && model.json.outputPricePerMillion === NEW_PRICE.output;
      }, 10_000, 250);
      await page.goto(`/models/${MODEL}`);
      await settle(page);
      await page.getByText(`$${NEW_PRICE.input.toFixed(2)}`).first().waitFor();
    });

    await step('the next request costs the new price in the history table', async () => {
      // The silo's catalog snapshot polls every 500 ms; give it a beat past the WebApi's.
      await new Promise((r) => setTimeout(r, 1200));
      const completion = await openai().chat.completions.create({
        model: MODEL,
        messages: [{ role: 'user', content: `${PROMPT} after the price change` }],
        max_tokens: 64,
      });
      const usage = completion.usage;
      const rows = await openRequests(page, 3);
      const newest = rows[0];
      const input = (usage.prompt_tokens * NEW_PRICE.input) / 1e6;
      const output = (usage.completion_tokens * NEW_PRICE.output) / 1e6;
      assertEqual(newest.inputTokens, String(usage.prompt_tokens), 'input tokens');
      assertEqual(newest.inputCost, formatCost(input), 'input cost at the new price');
      assertEqual(newest.outputCost, formatCost(output), 'output cost at the new price');
      assertEqual(newest.totalCost, formatCost(input + output), 'total cost at the new price');
      // Earlier rows keep what they cost then.
      const oldInput = (state.firstUsage.prompt_tokens * price.input) / 1e6;
      assertEqual(rows[2].inputCost, formatCost(oldInput), 'the first request keeps its old cost');
    });

    await step('no page error or console error while doing all that', async () => {
      // The two refused sign-ups are the only answers >= 400 the story asks for.
      const real = errors.filter((e) => !/^HTTP 400 POST \S+\/api\/auth\/register$/.test(e));
      assert(real.length === 0, `errors:\n${real.join('\n')}`);
    });
  } finally {
    state.user = { email, password };
    state.offsite.push(...admin.offsite, ...person.offsite);
    await admin.close();
    await person.close();
  }
}
