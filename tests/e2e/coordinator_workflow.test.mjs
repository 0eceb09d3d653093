// End to end, in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
// a seeker and a volunteer sign up on the public form and confirm by the emailed link; the
// coordinator logs in, records the volunteer's readiness, starts a matching run, sees the pair
// proposed with its reasons and approves it; both get an introduction email, accept through
// their answer links, and only then see each other's contact details. A week later the seeker
// answers the first check-in on a 390 px phone in Arabic, and the buddy's concern reaches the top
// of the coordinator's Connections list (never the seeker). Then the programme's outcomes page
// passes axe-core, fits a phone, and its CSV downloads with a UTF-8 byte-order mark.
//
// Everything is real: the buddymatch binary (target/debug) on a fresh SQLite database, email
// through SMTP to tests/support/smtp_sink.py, links read from the .eml files it writes.
//
//     node --test tests/e2e/            (./scripts/test runs it after the cargo tests)
//
// Environment: TEST_SMTP_URL + TEST_SMTP_MAILDIR (a running sink; else one is started),
// CHROMIUM (default /usr/bin/chromium), BUDDYMATCH_BIN (default target/debug/buddymatch),
// E2E_ARTIFACTS (folder for the final screenshot; default a new temporary folder).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';

import { Maildir, linksIn } from './support/mail.mjs';
import { fillSignUp, sendAndWait } from './support/people.mjs';
import { BINARY, smtpSink, startServer } from './support/server.mjs';
import { spawnSync } from 'node:child_process';

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

const tag = randomBytes(4).toString('hex');
// Unique addresses: the sink's folder is shared with the cargo email tests.
const seeker = {
  first: 'Amina', last: `Haddad${tag}`, email: `amina.e2e.${tag}@example.com`,
  role: 'arriving', volunteer: false, birthYear: '1991', gender: 'woman',
  languages: [['ar', 'native'], ['en', 'B2']],
  interests: ['cooking', 'hiking', 'football'],
  slots: ['wed_evening', 'sat_morning', 'sat_afternoon'],
  share: ['culture', 'leisure'], learn: ['language', 'work'], forgetALevel: true,
};
const buddy = {
  first: 'Jonas', last: `Becker${tag}`, email: `jonas.e2e.${tag}@example.com`,
  role: 'receiving', volunteer: true, birthYear: '1985', gender: 'man',
  languages: [['de', 'native'], ['en', 'C1']],
  interests: ['cooking', 'hiking', 'chess'],
  slots: ['wed_evening', 'sat_morning', 'sun_afternoon'],
  share: ['language', 'work'], learn: ['culture'],
};
const coordinator = { email: `coord.e2e.${tag}@example.com`, password: 'e2e-coordinator-password' };

/** Opens the sign-up form and fills and sends it like a person would (`support/people.mjs`). */
async function signUp(page, base, p) {
  await page.goto(`${base}/signup?programme=demo&lang=en`);
  await fillSignUp(page, p, { onLanguages: p.forgetALevel ? (pg) => forgetALevel(pg, p) : undefined });
}

/**
 * On the languages step, adds a language without its level and presses "Next": the level is
 * marked, the summary names it and takes the focus, the title says "Error:" once; nothing typed
 * is lost. Then takes the language out again, ready to go on.
 */
async function forgetALevel(page, p) {
  const row = p.languages.length;
  assert.equal(await sendAndWait(page, () => page.click('button[name="go"][value="add_language"]')), 200);
  await page.selectOption(`#languages-${row}-code`, 'fr');
  assert.equal(await sendAndWait(page, () => page.click('button[name="go"][value="next"]:visible')), 422);
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'error-summary', 'the error summary has the focus');
  assert.equal(await page.getAttribute(`#languages-${row}-level`, 'aria-invalid'), 'true', 'the level is marked');
  assert.equal(await page.getAttribute(`#languages-${row}-code`, 'aria-invalid'), null, 'the language is not');
  const link = page.locator(`#error-summary a[href="#languages-${row}-level"]`);
  assert.match(await link.innerText(), /Level of language/);
  const title = await page.title();
  assert.ok(title.startsWith('Error: ') && !title.includes('::'), `title: ${title}`);
  assert.equal(await page.inputValue('input[type="hidden"][name="email"]'), p.email, 'what was typed on step 1 is kept');
  assert.equal(await page.inputValue('#languages-0-code'), p.languages[0][0], 'and on this step');
  await page.selectOption(`#languages-${row}-code`, '');
}

/** Opens the emailed confirmation link and presses the button (only POST confirms). */
async function confirm(page, mail, p) {
  const [message] = await mail.waitFor(p.email, (m) => linksIn(m, '/confirm/').length > 0,
    { what: 'the confirmation email' });
  const [link] = linksIn(message, '/confirm/');
  const response = await page.goto(link);
  assert.equal(response.status(), 200, `GET ${link}`);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/confirm/')),
    page.click('form[action*="/confirm/"] button[type="submit"]'),
  ]);
  await page.locator('h1', { hasText: /sign-up is confirmed/i }).waitFor();
}

/** The id of the person listed as `name` on the programme's people page (follows the link). */
async function openPerson(page, base, name) {
  await page.goto(`${base}/coordinator/programmes/demo/people`);
  await page.click(`a:has-text("${name}")`);
  await page.waitForURL(/\/coordinator\/people\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

const isoDate = (d) => d.toISOString().slice(0, 10);

/** Makes the live matches of the e2e database `days` older (time passing), with Python's sqlite3. */
function backdateMatches(dir, days) {
  const script = [
    'import sqlite3, sys',
    'db = sqlite3.connect(sys.argv[1])',
    "shift = f'-{sys.argv[2]} days'",
    "db.execute(\"UPDATE matches SET active_since = datetime(active_since, ?), stage_since = datetime(stage_since, ?) WHERE status = 'active'\", (shift, shift))",
    'db.commit()',
  ].join('\n');
  const r = spawnSync(process.env.TEST_SMTP_PYTHON || 'python3', ['-c', script, join(dir, 'e2e.db'), String(days)], { encoding: 'utf8' });
  assert.equal(r.status, 0, `backdating the matches: ${r.stderr}`);
}

test('coordinator workflow: sign-up, confirm, run, approve, both accept, contact details', { timeout: 240_000 }, async (t) => {
  const started = Date.now();
  const step = (what) => t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)}s ${what}`);
  const sink = await smtpSink();
  t.after(() => sink.stop());
  const mail = new Maildir(sink.maildir);
  const server = await startServer({ smtpUrl: sink.url, coordinator });
  let passed = false;
  t.after(() => server.stop({ keep: !passed })); // a failed run keeps its database to look at
  const base = server.url;
  step(`server at ${base}, data in ${server.dir}`);

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  // Anything the Content-Security-Policy blocks shows up as a console error.
  const cspErrors = [];
  const watchCsp = (page) => page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(`${page.url()}: ${m.text()}`);
  });
  const newPage = async (options = {}) => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 900 }, ...options });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    watchCsp(page);
    return page;
  };
  try {
    // 1. Both people sign up and confirm, each in their own browser context (own cookies).
    const seekerPage = await newPage();
    const buddyPage = await newPage();
    await signUp(seekerPage, base, seeker);
    await confirm(seekerPage, mail, seeker);
    step('seeker signed up and confirmed');
    await signUp(buddyPage, base, buddy);
    await confirm(buddyPage, mail, buddy);
    step('buddy signed up and confirmed');

    // 2. The coordinator logs in.
    // The policy allows no script from outside: only this page may have axe-core injected.
    const coord = await newPage({ bypassCSP: true });
    await coord.goto(`${base}/coordinator/login`);
    await coord.fill('#email', coordinator.email);
    await coord.fill('#password', coordinator.password);
    await Promise.all([
      coord.waitForURL((u) => !u.pathname.startsWith('/coordinator/login')),
      coord.click('form[action="/coordinator/login"] button[type="submit"]'),
    ]);
    await coord.waitForSelector('nav.coord-nav');
    step('coordinator logged in');

    // Both are confirmed on the people page.
    await coord.goto(`${base}/coordinator/programmes/demo/people`);
    for (const p of [seeker, buddy]) {
      const row = coord.locator('tr', { hasText: p.last });
      await row.waitFor();
      assert.match(await row.innerText(), /confirmed/i, `${p.first} is confirmed`);
    }

    // 3. A volunteer is proposed only once ready: record code of conduct and safeguarding.
    const buddyId = await openPerson(coord, base, buddy.last);
    await coord.click(`a[href="/coordinator/people/${buddyId}/readiness"] >> nth=0`);
    await coord.waitForURL(/\/readiness$/);
    const yesterday = isoDate(new Date(Date.now() - 24 * 3600 * 1000));
    await coord.fill('#code_of_conduct_signed', yesterday);
    await coord.fill('#safeguarding_training', yesterday);
    await Promise.all([
      coord.waitForURL(new RegExp(`/coordinator/people/${buddyId}$`)),
      coord.click('form[action$="/readiness"] button[type="submit"]'),
    ]);
    step('buddy readiness recorded');

    // 4. Start a matching run; its page refreshes itself until done.
    // From the coordinator's home page, as a coordinator would get there.
    await coord.goto(`${base}/coordinator`);
    await Promise.all([
      coord.waitForURL(/\/coordinator\/programmes\/demo\/runs$/),
      coord.click('a[href="/coordinator/programmes/demo/runs"]'),
    ]);
    await Promise.all([
      coord.waitForURL(/\/coordinator\/runs\/\d+/),
      coord.click('form[action="/coordinator/programmes/demo/runs"] button[type="submit"]'),
    ]);
    const runUrl = coord.url().split('?')[0];
    const deadline = Date.now() + 60_000;
    let status = '';
    for (;;) {
      try {
        status = (await coord.locator('h1 ~ p strong').first().innerText({ timeout: 2_000 })).trim();
      } catch {
        status = '(reloading)'; // the page refreshes itself while the run is going
      }
      if (/^(done|failed)$/i.test(status)) break;
      assert.ok(Date.now() < deadline, `run still "${status}" after 60 s`);
      await sleep(300);
      await coord.goto(runUrl);
    }
    assert.equal(status.toLowerCase(), 'done', `run status (page: ${await coord.locator('body').innerText()})`);
    step('matching run done');

    const artifacts = process.env.E2E_ARTIFACTS || mkdtempSync(join(tmpdir(), 'bm-e2e-shots-'));
    // 5. Exactly their pair is proposed: one row of the review table, with reasons; the full
    //    side-by-side view opens under it.
    const rows = coord.locator('tr.proposal-row');
    assert.equal(await rows.count(), 1, 'one proposal');
    const row = rows.first();
    const rowText = await row.innerText();
    assert.ok(rowText.includes(seeker.first) && rowText.includes(buddy.first), `proposal row: ${rowText}`);
    const reasons = await row.locator('ul.reasons li').allInnerTexts();
    assert.ok(reasons.length > 0 && reasons.every((r) => r.trim().length > 0), `reasons: ${JSON.stringify(reasons)}`);
    assert.ok(reasons.some((r) => /English/i.test(r)), `a reason names the shared language: ${JSON.stringify(reasons)}`);
    await coord.locator('tr.pair-details summary').first().click();
    const proposal = coord.locator('section.proposal').first();
    const heading = await proposal.locator('h3').innerText();
    assert.ok(heading.includes(seeker.first) && heading.includes(buddy.first), `proposal heading: ${heading}`);
    // The review shows profiles side by side, never contact details.
    const proposalText = await proposal.innerText();
    assert.ok(!proposalText.includes(seeker.email) && !proposalText.includes(buddy.email), 'no email addresses in the proposal');
    await coord.addScriptTag({ path: AXE });
    const reviewViolations = await coord.evaluate(async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`));
    assert.deepEqual(reviewViolations, [], 'axe-core finds no accessibility violations on the review page');
    await coord.screenshot({ path: join(artifacts, 'review-table-1024.png'), fullPage: true });

    // 6. Approve it from its row: the page comes back at that row, not at the top.
    await Promise.all([
      coord.waitForResponse((r) => r.request().method() === 'POST' && /\/coordinator\/matches\/\d+\/approve$/.test(r.url())),
      row.locator('form[action$="/approve"] button[type="submit"]').click(),
    ]);
    await coord.waitForLoadState('load');
    assert.match(coord.url(), /#pair-\d+$/, `back at the row: ${coord.url()}`);
    await coord.locator('tr.proposal-row', { hasText: /approved/i }).waitFor();
    assert.equal(await coord.locator('tr.proposal-row form[action$="/approve"]').count(), 0, 'nothing left to approve');
    step('proposal approved');

    // 7. Both get an introduction email with an answer link; neither shows the other's address.
    const isIntro = (m) => linksIn(m, '/respond/').length > 0;
    const [seekerIntro] = await mail.waitFor(seeker.email, isIntro, { what: 'the introduction email' });
    const [buddyIntro] = await mail.waitFor(buddy.email, isIntro, { what: 'the introduction email' });
    assert.match(seekerIntro.subject, new RegExp(`meet ${buddy.first}`), 'introduction subject');
    assert.match(buddyIntro.subject, new RegExp(`meet ${seeker.first}`), 'introduction subject');
    assert.ok(seekerIntro.text.includes(buddy.first), 'the seeker is told the buddy\'s first name');
    assert.ok(buddyIntro.text.includes(seeker.first), 'the buddy is told the seeker\'s first name');
    assert.ok(!seekerIntro.text.includes(buddy.email) && !seekerIntro.html.includes(buddy.email), 'no buddy address before acceptance');
    assert.ok(!buddyIntro.text.includes(seeker.email) && !buddyIntro.html.includes(seeker.email), 'no seeker address before acceptance');
    const [seekerRespond] = linksIn(seekerIntro, '/respond/');
    const [buddyRespond] = linksIn(buddyIntro, '/respond/');
    const [seekerMe] = linksIn(seekerIntro, '/me/');
    assert.ok(seekerMe, 'the introduction carries the personal data link');
    step('introduction emails received');

    // 8. The seeker accepts first: still no contact details anywhere on their side.
    await seekerPage.goto(seekerRespond);
    assert.ok((await seekerPage.locator('ul.reasons li').count()) > 0, 'the answer page explains the match');
    assert.ok(!(await seekerPage.content()).includes(buddy.email), 'answer page before accepting');
    await Promise.all([
      seekerPage.waitForURL(/\/accept$/),
      seekerPage.click('form[action$="/accept"] button[type="submit"]'),
    ]);
    assert.match(await seekerPage.locator('h1').innerText(), /thank you/i, 'the waiting page');
    const waitingHtml = await seekerPage.content();
    assert.ok(!waitingHtml.includes(buddy.email), 'after only the first accept the other\'s email is absent');
    assert.equal(await seekerPage.locator('ul.contact').count(), 0, 'no contact list yet');
    await seekerPage.goto(seekerMe);
    assert.ok(!(await seekerPage.content()).includes(buddy.email), 'personal page after only the first accept');
    step('seeker accepted; no contact details yet');

    // 9. The buddy accepts: the page now shows the seeker's contact details.
    await buddyPage.goto(buddyRespond);
    assert.ok(!(await buddyPage.content()).includes(seeker.email), 'buddy\'s answer page before accepting');
    await Promise.all([
      buddyPage.waitForURL(/\/accept$/),
      buddyPage.click('form[action$="/accept"] button[type="submit"]'),
    ]);
    assert.match(await buddyPage.locator('h1').innerText(), /both said yes/i);
    const buddyContact = await buddyPage.locator('ul.contact').innerText();
    assert.ok(buddyContact.includes(seeker.email), `the buddy sees the seeker's address: ${buddyContact}`);
    step('buddy accepted; sees the seeker\'s contact details');

    // 10. The seeker, who accepted first, now sees the buddy's address on their personal page,
    // and both get the contact email.
    await seekerPage.goto(seekerMe);
    const seekerContact = await seekerPage.locator('.match ul.contact').innerText();
    assert.ok(seekerContact.includes(buddy.email), `the seeker sees the buddy's address: ${seekerContact}`);
    const hasAddress = (addr) => (m) => /both said yes/i.test(m.subject) && m.text.includes(addr);
    await mail.waitFor(seeker.email, hasAddress(buddy.email), { what: 'the contact email with the buddy\'s address' });
    await mail.waitFor(buddy.email, hasAddress(seeker.email), { what: 'the contact email with the seeker\'s address' });
    step('both have each other\'s contact details');

    const shot = join(artifacts, 'seeker-contact.png');
    await seekerPage.screenshot({ path: shot, fullPage: true });
    step(`screenshot: ${shot}`);

    // 11. A week later the first check-in goes out: the match is made eight days old and the
    // continuum's pass is run once, as the server's worker would.
    backdateMatches(server.dir, 8);
    const pass = spawnSync(BINARY, ['continuum'], {
      cwd: server.dir, encoding: 'utf8', timeout: 60_000,
      // The links in its emails point at the running server, as BASE_URL does in production.
      env: { ...process.env, DATABASE_URL: `sqlite://${join(server.dir, 'e2e.db')}`, BUDDYMATCH_CONFIG: join(server.dir, 'buddymatch.toml'), BASE_URL: base, RUST_LOG: 'warn' },
    });
    assert.equal(pass.status, 0, `buddymatch continuum: ${pass.stderr}`);
    assert.match(pass.stdout, /^continuum: 1 live matches, 2 check-ins queued/, pass.stdout);
    const isCheckin = (m) => linksIn(m, '/checkin/').length > 0;
    const [seekerCheckin] = await mail.waitFor(seeker.email, isCheckin, { what: 'the check-in email' });
    const [buddyCheckin] = await mail.waitFor(buddy.email, isCheckin, { what: 'the check-in email' });
    step('check-in emails received');

    // 12. The seeker answers on a phone, in Arabic: right to left, nothing wider than the screen.
    const phone = await browser.newContext({ locale: 'ar', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    phone.setDefaultTimeout(15_000);
    const phonePage = await phone.newPage();
    watchCsp(phonePage);
    const [checkinLink] = linksIn(seekerCheckin, '/checkin/');
    await phonePage.goto(`${checkinLink}?lang=ar`);
    assert.equal(await phonePage.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await phonePage.getAttribute('html', 'lang'), 'ar');
    assert.ok(!(await phonePage.content()).includes(buddy.email), 'no contact details on the check-in form');
    const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the check-in form scrolls sideways on a phone by ${overflow} px`);
    await phonePage.screenshot({ path: join(artifacts, 'checkin-ar-390.png'), fullPage: true });
    await phonePage.click('label[for="met-several"]');
    await phonePage.click('label[for="met_how-in_person"]');
    await phonePage.click('label[for="going-5"]');
    await phonePage.click('label[for="trust-4"]');
    await phonePage.click('label[for="gave-culture"]');
    await phonePage.click('label[for="received-language"]');
    await phonePage.click('label[for="continue-yes"]');
    await Promise.all([
      phonePage.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/checkin/')),
      phonePage.click('form[action*="/checkin/"] button[type="submit"]'),
    ]);
    assert.equal(await phonePage.getAttribute('html', 'dir'), 'rtl', 'the thanks page stays in Arabic');
    const again = await phonePage.goto(`${checkinLink}?lang=ar`);
    assert.equal(again.status(), 410, 'the link works once');
    step('seeker answered the check-in on a phone in Arabic');

    // 13. The buddy raises a concern from their check-in link; it tops the coordinator's list.
    const [buddyLink] = linksIn(buddyCheckin, '/checkin/');
    await buddyPage.goto(`${buddyLink}/concern`);
    await buddyPage.fill('textarea[name="concern"]', 'I am worried about how our last meeting went.');
    await Promise.all([
      buddyPage.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/concern')),
      buddyPage.click('form button[type="submit"]'),
    ]);
    assert.match(await buddyPage.content(), /112/, 'the person is told what happens next');
    await coord.goto(`${base}/coordinator/programmes/demo/connections`);
    const firstRow = coord.locator('table.list tbody tr').first();
    assert.match(await firstRow.innerText(), /open concern/i, 'the concern tops the connections list');
    await coord.click('table.list tbody tr >> nth=0 >> a[href^="/coordinator/matches/"]');
    await coord.waitForURL(/\/coordinator\/matches\/\d+$/);
    assert.ok((await coord.content()).includes('I am worried about how our last meeting went.'), 'the coordinator reads the concern');
    assert.ok(!(await seekerPage.goto(seekerMe).then((r) => r.text())).includes('worried'), 'the partner never sees it');
    await coord.screenshot({ path: join(artifacts, 'match-page.png'), fullPage: true });
    step('concern reached the coordinator');

    // 14. The programme's outcomes: figures, charts and tables with no accessibility violations,
    // nothing wider than a phone, and a CSV download that spreadsheets read as UTF-8.
    await coord.goto(`${base}/coordinator`);
    await Promise.all([
      coord.waitForURL(/\/coordinator\/programmes\/demo\/outcomes$/),
      coord.click('a[href="/coordinator/programmes/demo/outcomes"]'),
    ]);
    // Four charts; a handful of people draws no bars (every count is "<5"), but every row.
    assert.equal(await coord.locator('svg.chart').count(), 4, 'funnel, stages, waiting, first against latest');
    assert.equal(await coord.locator('[aria-labelledby="chart-funnel"] svg text.chart-label').count(), 8, 'the funnel chart has its eight steps');
    assert.match(await coord.locator('#t-funnel').innerText(), /sign-up/i);
    await coord.addScriptTag({ path: AXE });
    const violations = await coord.evaluate(async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`));
    assert.deepEqual(violations, [], 'axe-core finds no accessibility violations on the outcomes page');
    await coord.setViewportSize({ width: 390, height: 844 });
    const wide = await coord.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(wide <= 0, `the outcomes page scrolls sideways on a phone by ${wide} px`);
    await coord.screenshot({ path: join(artifacts, 'outcomes-390.png'), fullPage: true });
    await coord.setViewportSize({ width: 1024, height: 900 });
    const [download] = await Promise.all([
      coord.waitForEvent('download'),
      coord.click('a[href$="outcomes.csv?"]'),
    ]);
    assert.match(download.suggestedFilename(), /^outcomes-demo-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path());
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 byte-order mark');
    assert.match(csv.toString('utf8'), /^\uFEFFtable,row,column,value\n/);
    step('outcomes page checked and its CSV downloaded');

    // 15. The admin archives the programme: the phone's sign-up link now shows a kind page in
    //     Arabic (no form), accessible and as wide as the screen; reopened, the form is back.
    await coord.goto(`${base}/coordinator/programmes/demo/archive`);
    await Promise.all([
      coord.waitForURL(/\/coordinator\/programmes\/demo\/archive\?notice=archived$/),
      coord.click('form[action="/coordinator/programmes/demo/archive"] button[type="submit"]'),
    ]);
    await coord.addScriptTag({ path: AXE });
    const archiveViolations = await coord.evaluate(async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`));
    assert.deepEqual(archiveViolations, [], 'axe-core finds no accessibility violations on the archive page');
    await coord.screenshot({ path: join(artifacts, 'programme-archived-1024.png'), fullPage: true });
    await phonePage.goto(`${base}/signup?programme=demo&lang=ar`);
    assert.equal(await phonePage.locator('input[name="email"]').count(), 0, 'no sign-up form once archived');
    assert.match(await phonePage.locator('h1').innerText(), /التسجيل/);
    const closedOverflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(closedOverflow <= 0, `the closed sign-up page scrolls sideways on a phone by ${closedOverflow} px`);
    await phonePage.screenshot({ path: join(artifacts, 'signup-closed-ar-390.png'), fullPage: true });
    await Promise.all([
      coord.waitForURL(/notice=reopened$/),
      coord.click('form[action="/coordinator/programmes/demo/reopen"] button[type="submit"]'),
    ]);
    await phonePage.goto(`${base}/signup?programme=demo&lang=ar`);
    assert.equal(await phonePage.locator('input[name="email"]').count(), 1, 'the form is back once reopened');
    step('programme archived (kind closed page on a phone) and reopened');
    assert.deepEqual(cspErrors, [], 'the Content-Security-Policy blocks nothing the pages use');
    passed = true;
  } catch (e) {
    e.message += `\n(database and server folder kept: ${server.dir})`;
    e.message += `\n--- server output (last lines) ---\n${server.output().split('\n').slice(-40).join('\n')}`;
    throw e;
  }
});
