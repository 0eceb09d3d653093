// What a person does on the public pages, as a browser test drives it: fill the sign-up form and
// confirm through the emailed link.

import assert from 'node:assert/strict';

import { linksIn } from './mail.mjs';

/**
 * Runs `act` (a tap or key press that sends the sign-up form) and waits until the page it leads
 * to has loaded (not the old one: the form posts to the same address). Returns the status.
 */
export async function sendAndWait(page, act) {
  await page.evaluate(() => { window.__leaving = true; });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/signup')),
    act(),
  ]);
  await page.waitForFunction(() => !window.__leaving && document.readyState === 'complete');
  return response.status();
}

/** Presses a button of the sign-up form and waits for the page it leads to. */
async function pressStepButton(page, go) {
  return sendAndWait(page, () => page.click(`form[action^="/signup"] button[name="go"][value="${go}"]:visible`));
}

/** What one step of the form asks of a person on this screen: inputs shown, screen heights. */
export async function measureStep(page) {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll('main input, main select, main textarea')]
      .filter((e) => e.type !== 'hidden' && e.checkVisibility());
    const height = document.documentElement.scrollHeight;
    return {
      step: Number(document.querySelector('input[name="step"]')?.value || 0),
      inputs: shown.length,
      height,
      screens: Math.round((height / window.innerHeight) * 10) / 10,
      errors: document.querySelectorAll('#error-summary li').length,
    };
  });
}

/**
 * Fills the public sign-up form of the demo programme (already open in `page`, in any language)
 * step by step like a person would and sends it; resolves on the thank-you page with what each
 * step showed (`measureStep`).
 * `p`: { first, last, email (may be empty with a phone), phone, role, volunteer, birthYear, gender, languages, interests, slots,
 * share, learn }. `onLanguages(page)`, if given, runs on the languages step once it is filled,
 * before "Next"; `onStep(page, n)` runs as each step n (1..3) is shown.
 */
export async function fillSignUp(page, p, { onLanguages, onStep } = {}) {
  const seen = [];
  const arrived = async () => {
    const m = await measureStep(page);
    assert.equal(m.step, seen.length + 1, `step ${seen.length + 1} is shown`);
    assert.equal(m.errors, 0, `step ${m.step} arrives without errors`);
    seen.push(m);
    if (onStep) await onStep(page, seen.length);
  };
  // 1. The role first, then the person.
  await arrived();
  await page.check(`#role-${p.role}`);
  await page.fill('#first_name', p.first);
  await page.fill('#last_name', p.last);
  await page.fill('#email', p.email);
  if (p.phone) await page.fill('#phone', p.phone);
  await page.selectOption('#message_language', p.messageLanguage || 'en');
  await page.fill('#birth_year', p.birthYear);
  await page.selectOption('#gender', p.gender);
  await pressStepButton(page, 'next');
  // 2. Languages: one row to start with, one more per "add".
  await arrived();
  for (const [i, [code, level]] of p.languages.entries()) {
    if (i > 0) await pressStepButton(page, 'add_language');
    await page.selectOption(`#languages-${i}-code`, code);
    await page.selectOption(`#languages-${i}-level`, level);
  }
  if (onLanguages) await onLanguages(page);
  // ... and interests, on the same step.
  for (const i of p.interests) {
    // The less common interests are folded under "More interests".
    const box = page.locator(`#interests-${i}`);
    if (!(await box.isVisible())) await page.locator('#interests .more-choices > summary').click();
    await box.check();
  }
  await pressStepButton(page, 'next');
  // 3. Free times, place, volunteering (people who live here), the optional parts, consent.
  await arrived();
  for (const s of p.slots) await page.check(`#availability-${s}`);
  await page.selectOption('#area', 'zentrum');
  await page.fill('#max_travel_km', '10');
  await page.check('#online_ok');
  if (p.volunteer) {
    await page.check('#volunteer');
    await page.selectOption('#capacity', '1');
  }
  if (p.share.length || p.learn.length) {
    await page.click('summary:has(#s-domains)');
    for (const d of p.share) await page.check(`#share_domains-${d}`);
    for (const d of p.learn) await page.check(`#learn_domains-${d}`);
  }
  await page.check('#consent');
  await Promise.all([
    page.waitForURL(/\/signup\/thanks/),
    page.click('form[action^="/signup"] button[name="go"][value="next"]:visible'),
  ]);
  return seen;
}

/** The confirmation link emailed to `p.email`. */
export async function confirmationLink(mail, p) {
  const [message] = await mail.waitFor(p.email, (m) => linksIn(m, '/confirm/').length > 0,
    { what: 'the confirmation email' });
  const [link] = linksIn(message, '/confirm/');
  assert.ok(link, `a confirmation link in the email to ${p.email}`);
  return link;
}

/** Presses the confirm button of the confirmation page open in `page` (only POST confirms). */
export async function pressConfirm(page) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/confirm/')),
    page.click('form[action*="/confirm/"] button[type="submit"]'),
  ]);
  await page.waitForLoadState('load');
}
