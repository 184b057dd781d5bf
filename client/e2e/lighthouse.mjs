#!/usr/bin/env node
// Lighthouse on Home, Models and a Company page of the real hub (the same stack as run.mjs),
// desktop and mobile, categories accessibility, best-practices, performance and seo. Not part
// of the test run (it is slow): `node e2e/lighthouse.mjs` from client/. Reports (JSON + HTML)
// go to tests/artifacts/lighthouse/; the scores are printed as a table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/browser.mjs';
import { REPO, Stack } from './lib/stack.mjs';

const OUT = join(REPO, 'tests', 'artifacts', 'lighthouse');
const CATEGORIES = ['accessibility', 'best-practices', 'performance', 'seo'];

/** The catalog comes from a sync against the stand-in; the company is the first with models. */
async function preparePages(stack) {
  const admin = await stack.signIn(stack.admin.email, stack.admin.password);
  const sync = await stack.api('/api/admin/sync/models', { method: 'POST', token: admin.token });
  if (sync.status !== 200) throw new Error(`POST /api/admin/sync/models answered ${sync.status}: ${sync.text.slice(0, 300)}`);
  for (let i = 0; i < 150; i++) {
    const status = await stack.api('/api/admin/sync/status', { token: admin.token });
    if (status.json && !status.json.running && status.json.lastRun) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  let companies = [];
  for (let i = 0; i < 50 && companies.length === 0; i++) {
    companies = (await stack.api('/api/companies')).json ?? [];
    if (companies.length === 0) await new Promise((r) => setTimeout(r, 200));
  }
  const company = [...companies].sort((a, b) => b.modelCount - a.modelCount)[0];
  if (!company) throw new Error('the catalog has no company after the sync');
  return [
    { name: 'home', path: '/' },
    { name: 'models', path: '/models' },
    { name: 'company', path: `/companies/${encodeURIComponent(company.id)}` },
  ];
}

async function audit(url, port, formFactor) {
  const flags = {
    port,
    output: ['json', 'html'],
    logLevel: 'error',
    onlyCategories: CATEGORIES,
    // Only loopback exists here; nothing to wait for beyond the page itself.
    disableStorageReset: false,
  };
  const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return result;
}

const stack = new Stack();
let chrome = null;
let exitCode = 0;
try {
  mkdirSync(OUT, { recursive: true });
  await stack.start();
  const pages = await preparePages(stack);
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const rows = [];
  for (const page of pages) {
    for (const formFactor of ['desktop', 'mobile']) {
      const url = `${stack.baseUrl}${page.path}`;
      const { lhr, report } = await audit(url, chrome.port, formFactor);
      const base = join(OUT, `${page.name}-${formFactor}`);
      writeFileSync(`${base}.report.json`, report[0]);
      writeFileSync(`${base}.report.html`, report[1]);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id);
      rows.push({ page: page.name, formFactor, ...scores, failing });
      console.log(`${page.name.padEnd(8)} ${formFactor.padEnd(8)} ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join('  ')}`);
      if (failing.length > 0) console.log(`         failing audits: ${failing.join(', ')}`);
    }
  }
  writeFileSync(join(OUT, 'scores.json'), JSON.stringify(rows, null, 2));
  console.log(`\nReports in ${OUT}`);
  console.log('\n| page | form factor | accessibility | best practices | performance | SEO |\n| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(`| ${r.page} | ${r.formFactor} | ${r.accessibility} | ${r['best-practices']} | ${r.performance} | ${r.seo} |`);
  }
} catch (error) {
  exitCode = 1;
  console.error(`Lighthouse run failed: ${error?.stack ?? error}`);
  console.error(stack.tails());
} finally {
  await chrome?.kill();
  await stack.stop({ keepLogs: exitCode !== 0 });
  process.exit(exitCode);
}
