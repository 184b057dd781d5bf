#!/usr/bin/env node
// End-to-end tests of the SPA against the real hub (MariaDB, silo, WebApi, LiteLLM stand-in)
// in the system Chromium. Run from client/: `node e2e/run.mjs`. The last line is
// `e2e: N passed, M failed` (scripts/test.sh reads it); the exit code is non-zero on failure.
// Screenshots go to tests/artifacts/screenshots/. E2E_KEEP_LOGS=1 keeps the process logs.
import { launchBrowser } from './lib/browser.mjs';
import { failUnrun, section, summary, test, assert } from './lib/runner.mjs';
import { Stack } from './lib/stack.mjs';
import { runHubFlow } from './tests/hub-flow.mjs';
import { pageList, runPages, WIDTHS } from './tests/pages.mjs';

const started = Date.now();
const stack = new Stack();
let browser = null;
let stopping = null;

async function cleanUp(keepLogs) {
  stopping ??= (async () => {
    await browser?.close().catch(() => {});
    await stack.stop({ keepLogs });
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    console.log(`\n${signal}: stopping the stack`);
    await cleanUp(true);
    process.exit(130);
  });
}

/** Accounts for the page tour: the flow's person, the admin, and someone waiting for approval. */
async function prepareTour(state) {
  state.adminAuth = await stack.signIn(stack.admin.email, stack.admin.password);
  state.userAuth = state.user ? await stack.signIn(state.user.email, state.user.password) : null;
  if (!state.userAuth) {
    // The flow broke before its person existed: make one so the signed-in pages still render.
    const email = `e2e-tour-${Date.now()}@example.com`;
    await stack.api('/api/auth/register', { method: 'POST', body: { email, password: 'tour-password-1', displayName: 'Tour' } });
    state.userAuth = await stack.signIn(email, 'tour-password-1');
  }
  await stack.api('/api/auth/register', {
    method: 'POST',
    body: { email: `e2e-waiting-${Date.now()}@example.com`, password: 'waiting-password-1', displayName: 'Grace Waiting', requestFreeTier: true },
  });
  const models = await stack.api(`/api/models?pageSize=100`);
  const model = models.json?.items?.find((m) => m.externalId === state.syncedModel?.externalId) ?? models.json?.items?.[0];
  state.modelId = model?.id;
  state.companyId = model?.companyId;
}

let crashed = null;
try {
  section('Stack');
  const up = await test('the hub starts: MariaDB, LiteLLM stand-in, silo, WebApi ready', async () => {
    await stack.start();
  });
  if (up) {
    browser = await launchBrowser();
    const state = { offsite: [] };
    await runHubFlow({ browser, stack, state });
    await prepareTour(state);
    await runPages({ browser, stack, state });
    section('Network');
    await test('the browser asked nothing outside this machine', async () => {
      assert(state.offsite.length === 0, `off-machine requests: ${[...new Set(state.offsite)].join(', ')}`);
    });
  } else {
    console.log(stack.tails());
    for (const width of WIDTHS) for (const entry of pageList({})) failUnrun(`${entry.name} at ${width} px`, 'the stack did not start');
  }
} catch (error) {
  crashed = error;
  console.log(`\nThe run crashed: ${error?.stack ?? error}`);
  console.log(stack.tails());
} finally {
  const result = summary();
  const failed = result.failed + (crashed ? 1 : 0);
  await cleanUp(failed > 0 || process.env.E2E_KEEP_LOGS === '1');
  console.log(`\nRun time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.failures.length > 0) console.log(`Failed:\n${result.failures.map((f) => `  - ${f.name}`).join('\n')}`);
  console.log(`e2e: ${result.passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}
