// What a person does on the public pages, as a browser test drives it: fill the sign-up form and
// confirm through the emailed link.

import assert from 'node:assert/strict';

import { linksIn } from './mail.mjs';

/**
 * Fills the public sign-up form of the demo programme (already open in `page`, in any language)
 * like a person would and sends it; resolves on the thank-you page.
 * `p`: { first, last, email, role, volunteer, birthYear, gender, languages, interests, slots,
 * share, learn }. `beforeSend(page)`, if given, runs once the form is filled, before it is sent.
 */
export async function fillSignUp(page, p, { beforeSend } = {}) {
  await page.fill('#first_name', p.first);
  await page.fill('#last_name', p.last);
  await page.fill('#email', p.email);
  await page.selectOption('#message_language', p.messageLanguage || 'en');
  await page.fill('#birth_year', p.birthYear);
  await page.selectOption('#gender', p.gender);
  await page.check(`#role-${p.role}`);
  if (p.volunteer) {
    await page.check('#volunteer');
    await page.selectOption('#capacity', '1');
  }
  for (const [i, [code, level]] of p.languages.entries()) {
    await page.selectOption(`#languages-${i}-code`, code);
    await page.selectOption(`#languages-${i}-level`, level);
  }
  for (const i of p.interests) await page.check(`#interests-${i}`);
  for (const s of p.slots) await page.check(`#availability-${s}`);
  await page.selectOption('#area', 'zentrum');
  await page.fill('#max_travel_km', '10');
  await page.check('#online_ok');
  for (const d of p.share) await page.check(`#share_domains-${d}`);
  for (const d of p.learn) await page.check(`#learn_domains-${d}`);
  await page.check('#consent');
  if (beforeSend) await beforeSend(page);
  await Promise.all([
    page.waitForURL(/\/signup\/thanks/),
    page.click('form[action^="/signup"] button[type="submit"]'),
  ]);
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
