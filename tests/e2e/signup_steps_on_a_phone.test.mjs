// The sign-up form as a newcomer meets it (issue 11, "Shorter path"): an Arabic-speaking person
// who has recently arrived signs up on a 390 px phone, in three steps, with nothing but the
// keyboard's Enter key and taps. The test records what each step asks (inputs shown, screen
// heights) and prints it, checks that every step arrives clean and fits the screen's width,
// that Enter in a text field goes on (not "add a row"), that "Back" keeps every answer, and that
// the volunteer questions never appear to a newcomer.
//
//     node --test tests/e2e/signup_steps_on_a_phone.test.mjs
//
// Environment as in coordinator_workflow.test.mjs; a full-page screenshot of each step goes to
// E2E_ARTIFACTS (default a new temporary folder).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import { Maildir } from './support/mail.mjs';
import { confirmationLink, measureStep, sendAndWait } from './support/people.mjs';
import { smtpSink, startServer } from './support/server.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run'];
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const tag = randomBytes(4).toString('hex');

/** Taps a step button and waits for the page it leads to; returns the response status. */
function tap(page, go) {
  return sendAndWait(page, () => page.locator(`button[name="go"][value="${go}"]:visible`).tap());
}

test('a newcomer signs up on a phone in three short steps', { timeout: 240_000 }, async (t) => {
  const sink = await smtpSink();
  t.after(() => sink.stop());
  const server = await startServer({
    smtpUrl: sink.url,
    coordinator: { email: `coord.steps.${tag}@example.com`, password: 'e2e-coordinator-password' },
  });
  let passed = false;
  t.after(() => server.stop({ keep: !passed }));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  const context = await browser.newContext({ ...PHONE, locale: 'ar' });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const email = `newcomer.${tag}@example.com`;
  const artifacts = process.env.E2E_ARTIFACTS || mkdtempSync(join(tmpdir(), 'bm-e2e-steps-'));
  mkdirSync(artifacts, { recursive: true });
  t.diagnostic(`screenshots in ${artifacts}`);
  const seen = [];
  const arrive = async (n) => {
    const m = await measureStep(page);
    assert.equal(m.step, n, `step ${n} is shown`);
    assert.equal(m.errors, 0, `step ${n} arrives without errors`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.viewport.width, `step ${n} is ${width} px wide`);
    assert.match(await page.locator('.step-progress').innerText(), new RegExp(`${n}.*3`));
    await page.screenshot({ path: join(artifacts, `signup-step-${n}-ar-390.png`), fullPage: true });
    seen.push(m);
  };

  await page.goto(`${server.url}/signup?programme=demo&lang=ar`);
  await arrive(1);
  assert.equal(await page.locator('#volunteer').count(), 0);
  await page.locator('#role-arriving').tap();
  await page.fill('#first_name', 'أمل');
  await page.fill('#email', email);
  // Enter in a text field means "Next".
  assert.equal(await sendAndWait(page, () => page.locator('#email').press('Enter')), 200);
  await arrive(2);

  // One language row; levels in words first.
  assert.equal(await page.locator('select[id$="-code"]').count(), 1);
  const levels = await page.locator('#languages-0-level option').allInnerTexts();
  assert.ok(levels.some((l) => l.includes('(B1)') && l.length > 8), `levels in words: ${levels}`);
  await page.selectOption('#languages-0-code', 'ar');
  await page.selectOption('#languages-0-level', 'native');
  assert.equal(await tap(page, 'add_language'), 200);
  assert.equal(await page.locator('select[id$="-code"]').count(), 2, 'a second row on request');
  assert.equal(await page.inputValue('#languages-0-level'), 'native', 'the first row is kept');
  await page.selectOption('#languages-1-code', 'de');
  await page.selectOption('#languages-1-level', 'A1');

  // Interests on the same step: the common ones show; the others are one tap away.
  assert.ok(!(await page.locator('#interests-yoga').isVisible()), 'yoga waits under "More interests"');
  await page.locator('#interests .more-choices > summary').tap();
  await page.locator('#interests-yoga').tap();
  await page.locator('#interests-football').tap();
  assert.equal(await tap(page, 'next'), 200);
  await arrive(3);
  assert.equal(await page.locator('#volunteer').count(), 0, 'no volunteer questions for a newcomer');
  await page.locator('#availability-sat_morning').tap();
  await page.locator('#availability-sun_afternoon').tap();

  // Back and forth keeps everything, also what was ticked on the page left.
  assert.equal(await tap(page, 'back'), 200);
  assert.equal(await page.inputValue('#languages-1-code'), 'de');
  assert.ok(await page.locator('#interests-football').isChecked(), 'the interest ticked before "Next"');
  assert.ok(await page.locator('#interests-yoga').isVisible(), 'the fold stays open for a ticked interest');
  assert.ok(await page.locator('#interests-yoga').isChecked());
  assert.equal(await tap(page, 'next'), 200);
  // Measured on the first arrival, as a newcomer sees it.
  const first = seen.pop();
  await arrive(3);
  seen[seen.length - 1] = first;
  assert.ok(await page.locator('#availability-sat_morning').isChecked(), 'the free time ticked before "Back"');
  await page.locator('#consent').tap();
  await Promise.all([page.waitForURL(/\/signup\/thanks/), page.locator('button[name="go"][value="next"]:visible').tap()]);
  await confirmationLink(new Maildir(sink.maildir), { email });

  // The sum of the pages' heights in screens (not of the rounded per-step figures).
  const total = seen.reduce((sum, m) => sum + m.height, 0) / PHONE.viewport.height;
  t.diagnostic(`newcomer (ar, 390x844): ${seen.map((m) => `step ${m.step}: ${m.inputs} inputs, ${m.height} px = ${m.screens} screens`).join('; ')}; total ${total.toFixed(2)} screens, ${seen.reduce((s, m) => s + m.inputs, 0)} inputs`);
  // A budget, not the figure: the issue asks for about 4 screens; more than 5 is a step back.
  assert.ok(total <= 5, `the newcomer's sign-up is ${total.toFixed(2)} phone screens`);
  passed = true;
});
