// A small sequential test runner: every test is counted; a step of a flow whose earlier step
// failed is counted as failed too (it could not run), so a broken stack never reads as green.
const results = [];

function ms(since) {
  return `${Date.now() - since} ms`;
}

/** Runs one test now; returns true when it passed. */
export async function test(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${ms(started)})`);
    return true;
  } catch (error) {
    results.push({ name, ok: false, error });
    console.log(`  ✗ ${name} (${ms(started)})\n      ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n      ')}`);
    return false;
  }
}

/** A flow: ordered steps sharing state; after the first failure the rest count as failed, unrun. */
export function flow(title, { onFailure } = {}) {
  let broken = null;
  console.log(`\n${title}`);
  return async function step(name, fn) {
    if (broken) {
      results.push({ name, ok: false, error: new Error(`not run: "${broken}" failed`) });
      console.log(`  ✗ ${name} (not run: "${broken}" failed)`);
      return false;
    }
    const ok = await test(name, fn);
    if (!ok) {
      broken = name;
      await onFailure?.(name).catch((error) => console.log(`      (could not record the failure: ${error.message})`));
    }
    return ok;
  };
}

export function section(title) {
  console.log(`\n${title}`);
}

/** Counts a test that could not run at all (the stack did not start). */
export function failUnrun(name, reason) {
  results.push({ name, ok: false, error: new Error(reason) });
  console.log(`  ✗ ${name} (not run: ${reason})`);
}

export function summary() {
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, failures: results.filter((r) => !r.ok) };
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Retries an async check until it returns a truthy value or the time is up. */
export async function eventually(what, check, timeoutMs = 10_000, intervalMs = 200) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = null;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what} (waited ${timeoutMs / 1000}s)${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
