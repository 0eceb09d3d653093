// Every page a person or a coordinator can reach, on a 390 px phone (issue 11, "What a phone
// shows"), in English and in Arabic (right to left): none may scroll sideways
// (`scrollWidth <= innerWidth`), and axe-core finds no serious or critical accessibility
// violation on any of them (duplicate ids, missing labels, contrast, ...).
//
// The server holds data worth looking at: the `demo` command's synthetic programme with four
// months of history (live matches at every stage, a run with proposals waiting for review), a
// second run to compare with, and two people who sign up on the public form, confirm, are matched
// by hand by the coordinator, accept through the links in their emails and get their first
// check-in. Every participant page is reached through a link from an email in the SMTP sink.
//
//     node --test tests/e2e/every_page_on_a_phone.test.mjs
//
// Environment as in coordinator_workflow.test.mjs; E2E_ARTIFACTS: folder for the screenshots
// (one full-page 390 px PNG per page and language; default a new temporary folder).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';

import { Maildir, linksIn } from './support/mail.mjs';
import { confirmationLink, fillSignUp, pressConfirm } from './support/people.mjs';
import { smtpSink, startServer } from './support/server.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const LANGS = ['en', 'ar'];

const tag = randomBytes(4).toString('hex');
// Long names and addresses on purpose: they are what pushes a page sideways.
const seeker = {
  first: 'Amina', last: `Haddad-Al-Khatib${tag}`, email: `amina.haddad.al.khatib.e2e.${tag}@example.com`,
  role: 'arriving', volunteer: false, birthYear: '1991', gender: 'woman',
  languages: [['ar', 'native'], ['en', 'B2']],
  interests: ['cooking', 'hiking', 'football'],
  slots: ['wed_evening', 'sat_morning', 'sat_afternoon'],
  share: ['culture', 'leisure'], learn: ['language', 'work'],
};
const buddy = {
  first: 'Jonas', last: `Becker-Oberhausen${tag}`, email: `jonas.becker.oberhausen.e2e.${tag}@example.com`,
  role: 'receiving', volunteer: true, birthYear: '1985', gender: 'man', messageLanguage: 'ar',
  languages: [['de', 'native'], ['en', 'C1']],
  interests: ['cooking', 'hiking', 'chess'],
  slots: ['wed_evening', 'sat_morning', 'sun_afternoon'],
  share: ['language', 'work'], learn: ['culture'],
};
// No email, a phone number only: the coordinator calls to confirm (the "to contact" list).
const byPhone = {
  ...seeker, first: 'Fatima-Zahra', last: `Abdelrahman-Mohammed${tag}`, email: '', phone: '+49 1512 3456789',
  messageLanguage: 'ar',
};
const coordinator = { email: `coordinator.with.a.long.address.${tag}@example.com`, password: 'e2e-coordinator-password' };

/** Presses a button with the keyboard (a page that scrolls sideways can put another element
 * over the spot a tap would hit; the width check reports that). */
async function press(page, selector) {
  await page.locator(selector).first().press('Enter');
}

/** The innermost elements that reach past the screen's edge (where to look when a page is too wide). */
function stickingOut(page) {
  return page.evaluate(() => {
    // The root box is as wide as the screen; on a right-to-left page it starts further right.
    const box = document.documentElement.getBoundingClientRect();
    const clipped = (node) => {
      for (let a = node.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const out = [...document.body.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1) && !clipped(el);
    });
    // Text that runs out of its box (a long address) sticks out while its element does not.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim() || !n.parentElement || clipped(n)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) out.push(n.parentElement);
    }
    const innermost = out.filter((el) => !out.some((o) => o !== el && el.contains(o)));
    const describe = (el) => {
      const r = el.getBoundingClientRect();
      const cls = el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const inTable = el.closest('table') ? ` in table${el.closest('table').className ? `.${el.closest('table').className}` : ''}` : '';
      return `${el.tagName.toLowerCase()}${cls}${inTable} [${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)}]`;
    };
    return [...new Set(innermost.map(describe))].slice(0, 6);
  });
}

/** `url` with `lang=<lang>` set. */
function withLang(url, lang) {
  const u = new URL(url);
  u.searchParams.set('lang', lang);
  return u.toString();
}

test('every page fits a 390 px phone and passes axe-core, in English and Arabic', { timeout: 600_000 }, async (t) => {
  const started = Date.now();
  const step = (what) => t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)}s ${what}`);
  const sink = await smtpSink();
  t.after(() => sink.stop());
  const mail = new Maildir(sink.maildir);
  // A living programme: people, four months of matches, a run with proposals to review.
  const server = await startServer({
    smtpUrl: sink.url,
    coordinator,
    setup: [['demo', '--programme', 'demo', '--seekers', '40', '--buddies', '32', '--history-months', '4']],
  });
  let passed = false;
  t.after(() => server.stop({ keep: !passed }));
  const base = server.url;
  step(`server at ${base}, data in ${server.dir}; ${server.setupOutput.join('; ')}`);

  const artifacts = process.env.E2E_ARTIFACTS || mkdtempSync(join(tmpdir(), 'bm-e2e-phone-'));
  mkdirSync(artifacts, { recursive: true });
  step(`screenshots in ${artifacts}`);

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  // axe-core is injected as a script: only a context that bypasses the Content-Security-Policy
  // may run it (coordinator_workflow.test.mjs checks that the policy blocks nothing).
  const newPhone = async (locale) => {
    const context = await browser.newContext({ ...PHONE, locale, bypassCSP: true });
    context.setDefaultTimeout(20_000);
    return context.newPage();
  };

  const widths = []; // { name, lang, width }
  const tooWide = [];
  const axeFindings = [];
  const otherProblems = [];
  const checked = new Set();
  /** Measures, screenshots and axe-checks the page open in `page` as `name`. */
  const check = async (page, name, lang) => {
    await page.waitForLoadState('load');
    const pageLang = await page.evaluate(() => document.documentElement.lang);
    if (pageLang !== lang) otherProblems.push(`${name}: the page is in "${pageLang}", not ${lang}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    widths.push({ name, lang, width });
    if (width > PHONE.viewport.width) {
      tooWide.push(`${name} (${lang}) is ${width} px wide on a ${PHONE.viewport.width} px phone; sticking out: ${(await stickingOut(page)).join(', ')}`);
    }
    const file = `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-${lang}-390.png`;
    await page.screenshot({ path: join(artifacts, file), fullPage: true });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => (await axe.run(document, { resultTypes: ['violations'] }))
      .violations
      .map((v) => ({ impact: v.impact, text: `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')} (${v.nodes.length})` })));
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.text);
    for (const f of serious) axeFindings.push(`${name} (${lang}): ${f}`);
    // Ids are unique on every page (axe-core no longer reports plain duplicates).
    const duplicates = await page.evaluate(() => {
      const seen = new Map();
      for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} (${n})`);
    });
    if (duplicates.length) otherProblems.push(`${name} (${lang}): duplicate ids ${duplicates.join(', ')}`);
    checked.add(name);
    const notes = [...violations.map((v) => v.text), ...duplicates.map((d) => `duplicate id ${d}`)];
    step(`${name} (${lang}): ${width} px${notes.length ? `; ${notes.join('; ')}` : ''}`);
  };
  /** Opens `url` in each language and checks it. */
  const visit = async (page, name, url, { langs = LANGS, status = 200 } = {}) => {
    for (const lang of langs) {
      const response = await page.goto(withLang(url, lang));
      if (response.status() !== status) otherProblems.push(`GET ${url} (${name}): ${response.status()}, not ${status}`);
      await check(page, name, lang);
    }
  };

  try {
    // 1. The public pages, as a stranger's phone shows them.
    const en = await newPhone('en-GB');
    const ar = await newPhone('ar');
    await visit(en, 'landing', `${base}/`);
    const landingLinks = await en.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    if (!landingLinks.some((h) => h.startsWith('/signup')) || !landingLinks.some((h) => h.startsWith('/coordinator/login'))) {
      otherProblems.push(`the landing page links neither the sign-up form nor the coordinator login: ${landingLinks}`);
    }
    await visit(en, 'not found', `${base}/no-such-page`, { status: 404 });
    await visit(en, 'sign-up form', `${base}/signup?programme=demo`);
    for (const [lang, page] of [['en', en], ['ar', ar]]) {
      await page.goto(`${base}/signup?programme=demo&lang=${lang}`);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/signup')),
        press(page, 'form[action^="/signup"] button[name="go"][value="next"]:visible'),
      ]);
      assert.equal(response.status(), 422, 'an empty first step comes back with its errors');
      await check(page, 'sign-up form with errors', lang);
    }

    // 2. Two people sign up (one in English, one in Arabic) and confirm through their emails;
    // every step of the form is checked on the way.
    for (const [p, page, lang] of [[seeker, en, 'en'], [buddy, ar, 'ar']]) {
      await page.goto(`${base}/signup?programme=demo&lang=${lang}`);
      await fillSignUp(page, p, { onStep: (pg, n) => check(pg, `sign-up step ${n}`, lang) });
      await check(page, 'thanks', lang);
      const link = await confirmationLink(mail, p);
      await page.goto(withLang(link, lang));
      await check(page, 'confirm', lang);
      await pressConfirm(page);
      await check(page, 'confirmed', lang);
    }
    await ar.goto(`${base}/signup?programme=demo&lang=ar`);
    await fillSignUp(ar, byPhone);
    assert.match(ar.url(), /by=phone/, 'the thank-you page for a sign-up without email');
    await check(ar, 'thanks (by phone)', 'ar');
    await visit(en, 'my data: ask for a link', `${base}/me`);
    step('both signed up and confirmed');

    // 3. The coordinator logs in on a phone.
    const coord = await newPhone('en-GB');
    await visit(coord, 'coordinator login', `${base}/coordinator/login`);
    await coord.goto(`${base}/coordinator/login?lang=en`);
    await coord.fill('#email', coordinator.email);
    await coord.fill('#password', coordinator.password);
    await Promise.all([
      coord.waitForURL((u) => !u.pathname.startsWith('/coordinator/login')),
      press(coord, 'form[action="/coordinator/login"] button[type="submit"]'),
    ]);
    await coord.waitForSelector('nav.coord-nav');

    // The two new people's ids, from the people page's links.
    const personId = async (p) => {
      await coord.goto(`${base}/coordinator/programmes/demo/people?lang=en&q=${encodeURIComponent(p.email)}`);
      const href = await coord.locator(`a:has-text("${p.last}")`).getAttribute('href');
      assert.match(href, /^\/coordinator\/people\/\d+$/);
      return Number(href.split('/').pop());
    };
    const seekerId = await personId(seeker);
    const buddyId = await personId(buddy);

    // The volunteer is ready, and the coordinator matches the two by hand.
    await coord.goto(`${base}/coordinator/people/${buddyId}/readiness?lang=en`);
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
    await coord.fill('#code_of_conduct_signed', yesterday);
    await coord.fill('#safeguarding_training', yesterday);
    await Promise.all([
      coord.waitForURL(new RegExp(`/coordinator/people/${buddyId}$`)),
      press(coord, 'form[action$="/readiness"] button[type="submit"]'),
    ]);
    await coord.goto(`${base}/coordinator/programmes/demo/runs?lang=en`);
    await coord.fill('#manual-seeker', String(seekerId));
    await coord.fill('#manual-buddy', String(buddyId));
    await Promise.all([
      coord.waitForURL(/notice=manual/),
      press(coord, 'form[action$="/manual"] button[type="submit"]'),
    ]);
    step('matched by hand');

    // 4. Both answer the introduction through their emails; the seeker's data page is linked.
    const isIntro = (m) => linksIn(m, '/respond/').length > 0;
    const [seekerIntro] = await mail.waitFor(seeker.email, isIntro, { what: 'the introduction email' });
    const [buddyIntro] = await mail.waitFor(buddy.email, isIntro, { what: 'the introduction email' });
    const [seekerRespond] = linksIn(seekerIntro, '/respond/');
    const [buddyRespond] = linksIn(buddyIntro, '/respond/');
    const [seekerMe] = linksIn(seekerIntro, '/me/');
    const [buddyMe] = linksIn(buddyIntro, '/me/');
    assert.ok(seekerMe && buddyMe, 'the introductions carry the personal data links');
    await visit(en, 'answer an introduction', seekerRespond);
    await en.goto(withLang(seekerRespond, 'en'));
    await Promise.all([en.waitForURL(/\/accept$/), press(en, 'form[action$="/accept"] button[type="submit"]')]);
    await check(en, 'accepted, waiting for the other', 'en');
    await ar.goto(withLang(buddyRespond, 'ar'));
    await Promise.all([ar.waitForURL(/\/accept$/), press(ar, 'form[action$="/accept"] button[type="submit"]')]);
    await check(ar, 'both accepted, contact details', 'ar');
    await visit(en, 'my data', seekerMe);
    await visit(ar, 'my data (buddy)', buddyMe);
    const concernHref = await en.locator('a[href*="/concern"]').first().getAttribute('href');
    const matchId = Number(/\/matches\/(\d+)\/concern/.exec(concernHref)[1]);
    await visit(en, 'my data: a concern', new URL(concernHref, en.url()).toString());
    step('both accepted');

    // 5. A week later: the first check-in (the continuum's pass, as the server's worker runs it).
    backdateMatch(server.dir, matchId, 8);
    const pass = server.cli(['continuum', '--programme', 'demo']);
    assert.equal(pass.status, 0, `buddymatch continuum: ${pass.stderr}`);
    const isCheckin = (m) => linksIn(m, '/checkin/').length > 0;
    const [seekerCheckin] = await mail.waitFor(seeker.email, isCheckin, { what: 'the check-in email' });
    const [checkinLink] = linksIn(seekerCheckin, '/checkin/');
    await visit(en, 'check-in', checkinLink);
    await visit(en, 'check-in: a concern', `${checkinLink}/concern`);
    step('check-in pages');

    // 6. A second run, to compare with the demo's.
    await coord.goto(`${base}/coordinator/programmes/demo/runs?lang=en`);
    const firstRun = Number((await coord.locator('table.list a[href^="/coordinator/runs/"]').first().getAttribute('href')).split('/').pop());
    await Promise.all([
      coord.waitForURL(/\/coordinator\/runs\/\d+/),
      press(coord, 'form[action="/coordinator/programmes/demo/runs"] button[type="submit"]'),
    ]);
    const secondRun = Number(new URL(coord.url()).pathname.split('/').pop());
    const deadline = Date.now() + 90_000;
    for (;;) {
      await coord.goto(`${base}/coordinator/runs/${secondRun}?lang=en`);
      const status = await coord.locator('h1 ~ p strong').first().innerText().catch(() => '');
      if (/^(done|failed)$/i.test(status.trim())) break;
      assert.ok(Date.now() < deadline, `run ${secondRun} still "${status}" after 90 s`);
      await sleep(500);
    }
    const reviewRun = [firstRun, secondRun].sort((a, b) => a - b)[0];
    const laterRun = Math.max(firstRun, secondRun);
    step(`runs ${reviewRun} and ${laterRun}`);

    // 7. Every coordinator page.
    const pages = [
      ['coordinator home', '/coordinator'],
      ['programmes', '/coordinator/programmes'],
      ['new programme', '/coordinator/programmes/new'],
      ['programme settings', '/coordinator/programmes/demo/settings'],
      ['programme archive', '/coordinator/programmes/demo/archive'],
      ['people', '/coordinator/programmes/demo/people'],
      ['add a person', '/coordinator/programmes/demo/people/new'],
      ['person', `/coordinator/people/${seekerId}`],
      ['person (volunteer)', `/coordinator/people/${buddyId}`],
      ['person edit', `/coordinator/people/${seekerId}/edit`],
      ['readiness', `/coordinator/people/${buddyId}/readiness`],
      ['runs', '/coordinator/programmes/demo/runs'],
      ['review', `/coordinator/runs/${reviewRun}`],
      ['review (later run)', `/coordinator/runs/${laterRun}`],
      ['compare runs', `/coordinator/runs/${laterRun}/compare?with=${reviewRun}`],
      ['connections', '/coordinator/programmes/demo/connections'],
      ['to contact by phone', '/coordinator/programmes/demo/to-contact'],
      ['match', `/coordinator/matches/${matchId}`],
      ['outcomes', '/coordinator/programmes/demo/outcomes'],
      ['outcomes, all programmes', '/coordinator/outcomes'],
      ['audit log', '/coordinator/audit'],
      ['accounts', '/coordinator/accounts'],
      ['password', '/coordinator/password'],
    ];
    for (const [name, path] of pages) await visit(coord, name, `${base}${path}`);
    await visit(coord, 'API docs', `${base}/api/docs`, { langs: ['en'] }); // English only

    // Pages reached from those: a proposal's reject page, a demo match with its history.
    await coord.goto(`${base}/coordinator/runs/${laterRun}?lang=en`);
    const rejectAction = await coord.locator('form[action$="/reject"]').first().getAttribute('action');
    await visit(coord, 'reject a proposal', `${base}${rejectAction}`);
    await coord.goto(`${base}/coordinator/programmes/demo/connections?lang=en`);
    const demoMatch = await coord.locator('table.list a[href^="/coordinator/matches/"]').last().getAttribute('href');
    await visit(coord, 'match (demo history)', `${base}${demoMatch}`);
    // An error state of a coordinator form: the account form sent empty.
    for (const lang of LANGS) {
      await coord.goto(`${base}/coordinator/accounts?lang=${lang}`);
      await Promise.all([
        coord.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/coordinator/accounts')),
        press(coord, 'form[action="/coordinator/accounts"] button[type="submit"]'),
      ]);
      await check(coord, 'accounts with errors', lang);
    }

    // The pages checked above ran with the Content-Security-Policy bypassed (for axe-core): the
    // landing page and the API docs, which have their own markup, must also work under it.
    const strict = await browser.newContext({ ...PHONE, locale: 'en-GB' });
    const strictPage = await strict.newPage();
    const cspErrors = [];
    strictPage.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(`${strictPage.url()}: ${m.text()}`);
    });
    for (const path of ['/', '/api/docs']) {
      await strictPage.goto(`${base}${path}`);
      const width = await strictPage.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.viewport.width) tooWide.push(`${path} under the Content-Security-Policy is ${width} px wide`);
    }
    assert.deepEqual(cspErrors, [], 'the Content-Security-Policy blocks nothing the landing page and the API docs use');

    const table = widths.map((w) => `${w.width}\t${w.lang}\t${w.name}`).join('\n');
    step(`widths at 390 px:\n${table}`);
    assert.ok(checked.size >= 35, `pages checked: ${[...checked].join(', ')}`);
    assert.deepEqual(tooWide, [], `pages wider than a 390 px phone:\n${tooWide.join('\n')}`);
    assert.deepEqual(axeFindings, [], `serious or critical axe-core violations:\n${axeFindings.join('\n')}`);
    assert.deepEqual(otherProblems, [], otherProblems.join('\n'));
    passed = true;
  } catch (e) {
    for (const [i, context] of browser.contexts().entries()) {
      for (const [j, page] of context.pages().entries()) {
        await page.screenshot({ path: join(artifacts, `failure-${i}-${j}.png`), fullPage: true }).catch(() => {});
        e.message += `\n(page ${i}-${j} was at ${page.url()}: failure-${i}-${j}.png)`;
      }
    }
    e.message += `\n(database and server folder kept: ${server.dir}; screenshots: ${artifacts})`;
    e.message += `\n--- server output (last lines) ---\n${server.output().split('\n').slice(-30).join('\n')}`;
    throw e;
  }
});

/** Makes one match of the e2e database `days` older (time passing), with Python's sqlite3. */
function backdateMatch(dir, id, days) {
  const script = [
    'import sqlite3, sys',
    'db = sqlite3.connect(sys.argv[1])',
    "shift = f'-{sys.argv[3]} days'",
    "db.execute('UPDATE matches SET active_since = datetime(active_since, ?), stage_since = datetime(stage_since, ?) WHERE id = ?', (shift, shift, int(sys.argv[2])))",
    'db.commit()',
  ].join('\n');
  const r = spawnSync(process.env.TEST_SMTP_PYTHON || 'python3', ['-c', script, join(dir, 'e2e.db'), String(id), String(days)], { encoding: 'utf8' });
  assert.equal(r.status, 0, `backdating match ${id}: ${r.stderr}`);
}
