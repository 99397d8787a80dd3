import { AxeBuilder } from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestPlatform, type TestPlatform } from '../../../gateway/__integration-tests__/testkit/platform';
import { buildPortalIfChanged, PORTAL_DIR, startPortal, type RunningPortal } from '../server/serve';

// End to end, in a real browser (Debian's chromium driven by playwright-core), against the whole
// platform started once for this file and the built portal served in front of it: every journey
// of the portal as the demo users walk it, axe-core on every page (no serious or critical
// violation), and a screenshot of every page in e2e-artifacts/.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(PORTAL_DIR, 'e2e-artifacts');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let tp: TestPlatform;
let portal: RunningPortal;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** What pages threw, by page: checked with every page. */
const thrown = new Map<Page, string[]>();
const axeFindings: { page: string; id: string; impact: string; nodes: number }[] = [];
const timings: Record<string, number> = {};

/** A token of a demo user, as the portal gets it (the gateway's development sign-in). */
async function demoToken(role: string): Promise<{ token: string; id: string }> {
  const base = tp.url.replace(/\/graphql$/, '');
  const { users } = (await (await fetch(`${base}/dev/demo-users`)).json()) as { users: { id: string; role: string }[] };
  const user = users.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  const answer = (await (
    await fetch(`${base}/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: user.id }),
    })
  ).json()) as { token: string };
  return { token: answer.token, id: user.id };
}

async function api<Data>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const res = await tp.query<Data>(query, { token, variables });
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data as Data;
}

/** Screenshot and axe-core on the page as it stands; serious and critical violations fail. */
async function checkPage(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const violation of result.violations) {
    axeFindings.push({
      page: name,
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      nodes: violation.nodes.length,
    });
  }
  const grave = result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect({ page: name, grave }).toEqual({ page: name, grave: [] });
  expect(thrown.get(page) ?? []).toEqual([]);
  // The page has exactly one main heading.
  await expect(page.locator('h1').count()).resolves.toBe(1);
}

async function newPage(viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'nl-NL' });
  contexts.push(context);
  // A payroll run or an order on PGlite, on a busy two-core machine, may take its time.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const errors: string[] = [];
  thrown.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

/** Signs in on the sign-in page as the demo user with this role (its label in Dutch). */
async function signIn(page: Page, roleLabel: RegExp) {
  await page.goto(portal.url);
  await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
  await page.getByRole('combobox', { name: 'Aanmelden als' }).click();
  await page.getByRole('option', { name: roleLabel }).click();
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await page.getByRole('button', { name: 'Afmelden' }).waitFor();
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

/** Reads a downloaded file. */
async function downloaded(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

let certificateCourse: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `No chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const building = buildPortalIfChanged();
  tp = await startTestPlatform();
  const build = await building;
  timings['portal build (ms)'] = build.ms;
  portal = await startPortal({ port: 0, gatewayUrl: tp.url, oidc: null, demoSignIn: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });

  // Before the employee's journey: a course the demo employee completed, so that a certificate
  // and skills show (the Academy schedules a session starting in 3 s, the employee enrols, and
  // the Academy records the completion once it started).
  const academy = await demoToken('association-academy');
  const employee = await demoToken('employee');
  const employeeId = JSON.parse(Buffer.from(employee.token.split('.')[1]!, 'base64url').toString()).employeeId;
  const { courses } = await api<{ courses: { edges: { node: { id: string; code: string; title: string } }[] } }>(
    academy.token,
    `{ courses(first: 100) { edges { node { id code title } } } }`,
  );
  const bhv = courses.edges.map((e) => e.node).find((course) => course.code === 'BHV-101')!;
  certificateCourse = bhv.title;
  const startsAt = new Date(Date.now() + 3000);
  const { scheduleCourseSession } = await api<{ scheduleCourseSession: { id: string } }>(
    academy.token,
    `mutation($input: ScheduleCourseSessionInput!) { scheduleCourseSession(input: $input) { id } }`,
    {
      input: {
        courseId: bhv.id,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 4 * 3600_000).toISOString(),
        capacity: 8,
        location: { kind: 'TRAINING_CENTRE', name: 'Leerwerkplaats Test', city: 'Utrecht' },
      },
    },
  );
  const { enrol } = await api<{ enrol: { id: string } }>(
    employee.token,
    `mutation($s: ID!, $e: ID!) { enrol(sessionId: $s, employeeId: $e) { id } }`,
    { s: scheduleCourseSession.id, e: employeeId },
  );
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt.getTime() - Date.now()) + 800));
  await api(academy.token, `mutation($id: ID!) { recordCompletion(id: $id, result: "Goed") { id } }`, { id: enrol.id });
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await portal?.stop();
  await tp?.stop();
  fs.writeFileSync(path.join(ARTIFACTS, 'axe-findings.json'), JSON.stringify(axeFindings, null, 2));
  fs.writeFileSync(path.join(ARTIFACTS, 'timings.json'), JSON.stringify(timings, null, 2));
  console.log(
    `Portal end-to-end: screenshots in ${path.relative(process.cwd(), ARTIFACTS)}/; ` +
      `axe findings (all impacts): ${axeFindings.length ? JSON.stringify(axeFindings) : 'none'}; ` +
      `timings: ${JSON.stringify(timings)}`,
  );
}, 60_000);

jest.setTimeout(240_000);

test('the sign-in page, and signing in with the keyboard alone', async () => {
  const page = await newPage();
  await page.goto(portal.url);
  await heading(page, 'Aanmelden').waitFor();
  await expect(page.evaluate('document.documentElement.lang')).resolves.toBe('nl');
  await checkPage(page, '01-aanmelden');
  // Keyboard only: to the picker, open it, pick the purchaser, submit.
  const picker = page.getByRole('combobox', { name: 'Aanmelden als' });
  await picker.focus();
  await page.keyboard.type('Sander');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(picker.inputValue()).resolves.toMatch(/inkoper/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await heading(page, /^Overzicht van /).waitFor();
  // The new page's heading has the focus, so a screen reader announces where one is.
  await expect(page.evaluate('document.activeElement?.tagName')).resolves.toBe('H1');
});

test('the offline explorer: GraphiQL from the gateway itself, with the sign-in picker', async () => {
  const page = await newPage();
  const elsewhere: string[] = [];
  const gatewayOrigin = new URL(tp.url).origin;
  page.on('request', (request) => {
    if (!request.url().startsWith(gatewayOrigin)) elsewhere.push(request.url());
  });
  await page.goto(tp.url);
  await page.locator('.graphiql-container').waitFor();
  const admin = await page.locator('#ss-user option', { hasText: 'platform-admin' }).getAttribute('value');
  await page.getByLabel('Sign in as').selectOption(admin!);
  await page.getByText(/Signed in as .*platform-admin/).waitFor();
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.result-window').getByText('"totalCount": 62').waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, '00-explorer.png') });
  expect(elsewhere).toEqual([]);
});

test('member overview: one federated request, for the director, the purchaser and HR; load time measured', async () => {
  for (const [role, label, tiles] of [
    ['directeur', /Annelies Verhoeven/, ['tile-keurmerk', 'tile-procurement', 'tile-payroll', 'tile-training']],
    ['purchaser', /— inkoper/, ['tile-keurmerk', 'tile-procurement']],
    ['hr', /— HR-medewerker$/, ['tile-keurmerk', 'tile-payroll', 'tile-training']],
  ] as const) {
    const page = await newPage();
    const overviewRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(tp.url) && request.method() === 'POST') {
        const body = request.postData() ?? '';
        if (body.includes('MemberOverview')) overviewRequests.push(body);
      }
    });
    await signIn(page, label);
    const started = Date.now();
    await page.goto(portal.url);
    const overview = page.getByTestId('member-overview');
    await overview.waitFor();
    timings[`member overview, ${role}: page open to figures shown (ms)`] = Date.now() - started;
    timings[`member overview, ${role}: request to figures (ms)`] = Number(
      await overview.getAttribute('data-loaded-ms'),
    );
    await heading(page, 'Overzicht van Kringloop De Ommekeer').waitFor();
    for (const tile of tiles) await expect(page.getByTestId(tile).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('tile-keurmerk').textContent()).resolves.toMatch(
      /Gecertificeerd|In aanloop|Geschorst/,
    );
    await expect(page.getByTestId('tile-keurmerk').innerText()).resolves.toMatch(/Volgende audit\s+\d{1,2} \w+ \d{4}/);
    // Each tile shown has its figures; one the role may not see is not there at all.
    const shown = (tile: string) => (tiles as readonly string[]).includes(tile);
    for (const tile of ['tile-procurement', 'tile-payroll', 'tile-training']) {
      if (!shown(tile)) await expect(page.getByTestId(tile).count()).resolves.toBe(0);
    }
    if (shown('tile-procurement')) {
      await expect(page.getByTestId('tile-procurement').innerText()).resolves.toMatch(
        /Besteed in \d{4}\s+€ [\d.]+,\d\d/,
      );
    }
    if (shown('tile-training')) {
      await expect(page.getByTestId('tile-training').innerText()).resolves.toMatch(
        /beschikbaar \(\d{4}\)\s+€ [\d.]+,\d\d/,
      );
    }
    if (shown('tile-payroll')) {
      await expect(page.getByTestId('tile-payroll').innerText()).resolves.toMatch(
        /Laatste loonrun|Er is nog geen loonrun/,
      );
    }
    // Two loads (sign-in, then the page opened again): each one request, and no other for it.
    expect(overviewRequests.length).toBeGreaterThanOrEqual(1);
    for (const body of overviewRequests) expect(body.match(/query MemberOverview/g)).toHaveLength(1);
    await checkPage(page, `02-overzicht-${role}`);
  }
});

let approveOrderUrl: string;
let rejectOrderUrl: string;

test('purchaser: browses a contract with sector prices and tier progress, builds and submits orders, follows them', async () => {
  const page = await newPage();
  await signIn(page, /inkoper/);
  for (const key of ['approve', 'reject'] as const) {
    await nav(page, 'Inkopen').click();
    await heading(page, 'Inkopen via de raamcontracten').waitFor();
    await page.getByRole('combobox', { name: 'Raamcontract' }).click();
    await page.getByRole('option', { name: /Bedrijfskleding/ }).click();
    const shoes = page.getByTestId('item-WW-SHOE-S3');
    await shoes.waitFor();
    const row = await shoes.innerText();
    expect(row).toMatch(/Catalogusprijs|€ 64,00/);
    const before = Number(
      /Nog (\d+) tot/.exec((await shoes.getByRole('progressbar').getAttribute('aria-label')) ?? '')?.[1],
    );
    expect(before).toBeGreaterThan(0);
    if (key === 'approve') await checkPage(page, '03-inkopen');
    await shoes.getByRole('textbox', { name: 'Aantal Safety shoes S3' }).fill('20');
    await page.getByText(/1 artikel, ongeveer € 1\.\d{3},\d\d excl\. btw/).waitFor();
    await page.getByRole('button', { name: 'Bestelling plaatsen' }).click();
    await heading(page, 'Bestelling').waitFor();
    // Above the member's threshold of € 1.000,00: it waits for an approver.
    await expect(page.getByTestId('order-status').textContent()).resolves.toBe('Wacht op goedkeuring');
    await page.getByText(/Bespaard: € [\d.]+,\d\d/).waitFor();
    if (key === 'approve') {
      approveOrderUrl = page.url();
      await checkPage(page, '04-bestelling-geplaatst');
      // The sector's volume grew by these 20 pairs: the next tier is 20 closer.
      await nav(page, 'Inkopen').click();
      await page.getByRole('combobox', { name: 'Raamcontract' }).click();
      await page.getByRole('option', { name: /Bedrijfskleding/ }).click();
      await page
        .getByTestId('item-WW-SHOE-S3')
        .getByRole('progressbar', { name: new RegExp(`^Nog ${before - 20} tot`) })
        .waitFor();
    } else rejectOrderUrl = page.url();
  }
  await nav(page, 'Bestellingen').click();
  await heading(page, 'Bestellingen').waitFor();
  await page.getByTestId('orders').getByText('Wacht op goedkeuring').nth(1).waitFor();
  await checkPage(page, '05-bestellingen');
});

test('approver: approves one order, rejects the other with a reason; the purchaser sees why', async () => {
  const page = await newPage();
  await signIn(page, /— budgethouder/);
  await page.goto(approveOrderUrl);
  await heading(page, 'Bestelling').waitFor();
  await checkPage(page, '06-bestelling-beoordelen');
  await page.getByRole('button', { name: 'Goedkeuren' }).click();
  await page.getByTestId('order-status').getByText('Goedgekeurd').waitFor();

  await page.goto(rejectOrderUrl);
  await page.getByRole('button', { name: 'Afwijzen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bestelling afwijzen' });
  await dialog.waitFor();
  // A reason is required: said in words, at the field.
  await dialog.getByRole('button', { name: 'Afwijzen' }).click();
  await dialog.getByText('Vul een reden in.').waitFor();
  await checkPage(page, '07-afwijzen-reden');
  await dialog.getByRole('textbox', { name: /Reden/ }).fill('Schoenen komen dit kwartaal uit het centrale magazijn.');
  await dialog.getByRole('button', { name: 'Afwijzen' }).click();
  await page.getByTestId('order-status').getByText('Afgewezen').waitFor();

  const purchaser = await newPage();
  await signIn(purchaser, /inkoper/);
  await purchaser.goto(rejectOrderUrl);
  await purchaser
    .getByText('Afgewezen met als reden: Schoenen komen dit kwartaal uit het centrale magazijn.')
    .waitFor();
  await purchaser.goto(approveOrderUrl);
  await purchaser.getByTestId('order-status').getByText('Goedgekeurd').waitFor();
});

let runUrl: string;

test('HR: staff and employments; starts a payroll run (with progress), checks it; four eyes; approved, paid; payslip PDF', async () => {
  const page = await newPage();
  await signIn(page, /— HR-medewerker$/);
  await nav(page, 'Personeel').click();
  await heading(page, 'Personeel').waitFor();
  await page.getByText(/^\d+ medewerkers$/).waitFor();
  await expect(page.getByTestId('employees').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
  await checkPage(page, '08-personeel');

  await nav(page, 'Salarisverwerking').click();
  await heading(page, 'Salarisverwerking').waitFor();
  await page.getByText('Er zijn nog geen loonruns.').waitFor();
  await checkPage(page, '09-salarisverwerking');
  // A large member's run takes a while: here the answer is held back 1.5 s to see the progress.
  await page.route(tp.url, async (route) => {
    if ((route.request().postData() ?? '').includes('CalculatePayrollRun'))
      await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Loonrun berekenen' }).click();
  await page
    .getByTestId('payroll-progress')
    .getByText(/De loonrun wordt berekend/)
    .waitFor();
  await page.getByTestId('payroll-progress').screenshot({ path: path.join(ARTIFACTS, '10-loonrun-bezig.png') });
  await heading(page, /^Loonrun \w+ \d{4}$/).waitFor({ timeout: 60_000 });
  runUrl = page.url();
  await expect(page.getByTestId('run-status').textContent()).resolves.toBe('Berekend');
  await expect(page.getByTestId('run-checks').innerText()).resolves.toMatch(
    /Alle \d+ loonstroken voldoen aan het minimumloon, het CAO-loon en de vakantietoeslag\./,
  );
  await expect(page.getByTestId('run-payslips').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
  await checkPage(page, '11-loonrun-controle');
  // Four eyes: who calculated may not approve. Said in a sentence.
  await page.getByRole('button', { name: 'Loonrun goedkeuren' }).click();
  const refusal = page.getByRole('alert');
  await refusal.getByText('Dit mag u niet doen of inzien.').waitFor();
  // The API's own sentence follows, marked as English for a screen reader.
  await expect(refusal.locator('[lang="en"]').innerText()).resolves.toMatch(/second person must approve/);

  const service = await newPage();
  await signIn(service, /salarisadministratie/);
  await service.goto(runUrl);
  await service.getByRole('button', { name: 'Loonrun goedkeuren' }).click();
  await service.getByTestId('run-status').getByText('Goedgekeurd').waitFor();
  await service.getByRole('button', { name: 'Markeren als betaald' }).click();
  await service.getByTestId('run-status').getByText('Betaald').waitFor();

  await page.reload();
  await page.getByTestId('run-status').getByText('Betaald').waitFor();
  const pdf = await downloaded(page, () =>
    page
      .getByTestId('run-payslips')
      .getByRole('button', { name: /^Loonstrook van .+ \(pdf\)$/ })
      .first()
      .click(),
  );
  expect(pdf.name).toMatch(/^loonstrook-\d{4}-\d{2}-[a-z0-9-]+\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.length).toBeGreaterThan(2000);
});

test('employee: own payslip as PDF, the Academy catalogue and learning paths, enrols, certificates and skills passport', async () => {
  const page = await newPage();
  await signIn(page, /— medewerker$/);
  await heading(page, 'Mijn gegevens').waitFor();
  const slips = page.getByTestId('my-payslips');
  await slips
    .getByRole('button', { name: /^Loonstrook \w+ \d{4} \(pdf\)$/ })
    .first()
    .waitFor();
  const pdf = await downloaded(page, () =>
    slips
      .getByRole('button', { name: /\(pdf\)$/ })
      .first()
      .click(),
  );
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByTestId('my-certificates').innerText()).resolves.toContain(certificateCourse);
  await expect(page.getByTestId('my-certificates').innerText()).resolves.toMatch(/Uitgereikt op \d{1,2} \w+ \d{4}/);
  await expect(page.getByTestId('my-skills').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
  await checkPage(page, '12-mijn-gegevens');

  await nav(page, 'Academie').click();
  await heading(page, 'Academie').waitFor();
  const course = page.getByRole('button', { name: /Basis elektrotechniek/ });
  await course.click();
  const enrolButton = page.getByRole('button', { name: /^Inschrijven voor Basis elektrotechniek/ }).first();
  await enrolButton.waitFor();
  await checkPage(page, '13-academie-cursussen');
  await enrolButton.click();
  await page.getByText(/U bent ingeschreven\.|U staat op de wachtlijst\.|Uw aanvraag wacht op goedkeuring/).waitFor();
  await page.getByRole('tab', { name: /Leerlijnen/ }).click();
  await expect(page.getByRole('tabpanel').getByRole('heading', { level: 2 }).count()).resolves.toBeGreaterThan(0);
  await checkPage(page, '14-academie-leerlijnen');

  await nav(page, 'Mijn gegevens').click();
  await page
    .getByTestId('my-enrolments')
    .getByText(/Basis elektrotechniek/)
    .first()
    .waitFor();
});

test("association staff: the members directory with the audits due, and the CAO's wage table in force", async () => {
  const page = await newPage();
  await signIn(page, /platformbeheerder/);
  await heading(page, 'Ledenlijst').waitFor();
  const summary = page.getByTestId('directory-summary');
  await summary.getByText(/^62 leden; \d+ met een audit binnen 90 dagen of te laat\.$/).waitFor();
  const due = Number(/; (\d+) met/.exec(await summary.innerText())![1]);
  await checkPage(page, '15-ledenlijst');
  await page.getByRole('switch', { name: 'Alleen audits binnen 90 dagen' }).check();
  await summary.getByText(new RegExp(`^${due} (lid|leden);`)).waitFor();
  const rows = page.getByTestId('directory').locator('tbody tr');
  if (due > 0) {
    await expect(rows.count()).resolves.toBe(due);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/Binnenkort|Te laat/);
  }

  const cao = await newPage();
  await signIn(cao, /CAO-team/);
  await nav(cao, 'CAO-loontabel').click();
  await heading(cao, 'CAO-loontabel').waitFor();
  await expect(cao.getByTestId('cao-version').innerText()).resolves.toMatch(/van kracht op \d{1,2} \w+ \d{4}/);
  const cells = cao.getByTestId('cao-table').locator('tbody td');
  await expect(cells.count()).resolves.toBeGreaterThan(10);
  await expect(cells.first().innerText()).resolves.toMatch(/€ [\d.]+,\d\d/);
  await checkPage(cao, '16-cao-loontabel');
});

test('English on request', async () => {
  const page = await newPage();
  await signIn(page, /— HR-medewerker$/);
  await page.getByText('EN', { exact: true }).click();
  await heading(page, 'Overview of Kringloop De Ommekeer').waitFor();
  await expect(page.evaluate('document.documentElement.lang')).resolves.toBe('en');
  await nav(page, 'Payroll').click();
  await heading(page, 'Payroll').waitFor();
  await checkPage(page, '17-english-payroll');
});

test('on a phone-sized screen: the menu behind a button, usable with the keyboard, nothing wider than the screen', async () => {
  const page = await newPage(PHONE);
  await signIn(page, /inkoper/);
  await heading(page, /^Overzicht van /).waitFor();
  // The closed menu is out of sight and out of reach (inert): none of its links takes the focus.
  const menuInert = "document.getElementById('main-navigation').inert";
  await expect(page.evaluate(menuInert)).resolves.toBe(true);
  await expect(nav(page, 'Bestellingen').isVisible()).resolves.toBe(true); // laid out, off the screen
  const closedBox = await nav(page, 'Bestellingen').boundingBox();
  expect(closedBox!.x + closedBox!.width).toBeLessThanOrEqual(1);
  await checkPage(page, '18-telefoon-overzicht');
  const menu = page.getByRole('button', { name: 'Menu openen' });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(page.evaluate(menuInert)).resolves.toBe(false);
  await page.waitForFunction("document.querySelector('#main-navigation a').getBoundingClientRect().x >= 0");
  await page.screenshot({ path: path.join(ARTIFACTS, '19-telefoon-menu.png') });
  await nav(page, 'Bestellingen').click();
  await heading(page, 'Bestellingen').waitFor();
  await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(PHONE.width);
  await checkPage(page, '20-telefoon-bestellingen');
});
