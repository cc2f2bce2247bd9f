/**
 * The whole pipeline from proposal to "ordinary job": the consultant
 * approves a proposal for Amal (the demo candidate of Jobcenter Aabenraa),
 * for a slot of the demo employer, Amal agrees to share with the employer,
 * the employer invites her from the slot's page, the consultant creates the placement
 * and records its start (completing it the same day is refused), and the figures page
 * shows the year's outcomes.
 */
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from './fixtures';

async function logIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 15_000 });
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page).toHaveURL('/');
}

test('proposal to ordinary job: approve, share, invite, place, outcome, figures', async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, 'consultant@demo.jobbro.dk');
  await expect(page.getByRole('heading', { level: 1, name: 'Din kø' })).toBeVisible();

  // The queue shows one page at a time, best first; Next and Previous keep the place.
  await expect(page.getByRole('table').locator('caption')).toHaveText(/^Forslag 1–25 af \d+, bedste match først$/);
  await page.getByRole('navigation', { name: 'Sider i køen' }).getByRole('link', { name: 'Næste' }).click();
  await expect(page).toHaveURL(/\/consultant\?page=2$/);
  await expect(page.getByRole('table').locator('caption')).toHaveText(/^Forslag 26–\d+ af \d+, bedste match først$/);
  await page.getByRole('navigation', { name: 'Sider i køen' }).getByRole('link', { name: 'Forrige' }).click();
  await expect(page.getByRole('table').locator('caption')).toHaveText(/^Forslag 1–25 af \d+, bedste match først$/);

  // Amal's proposals for the demo employer's slots, best first; approve the first one the rules allow.
  await page.goto('/consultant?candidate=Amal');
  await page.getByRole('searchbox', { name: 'Virksomhed' }).fill('fjordkanten');
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page).toHaveURL(/employerName=fjordkanten/);
  await expect(page.getByRole('searchbox', { name: 'Kandidat' })).toHaveValue('Amal');
  const boxes = page.getByRole('checkbox', { name: /^Vælg Amal Haddad til / });
  const count = await boxes.count();
  expect(count).toBeGreaterThan(0);
  let approved = false;
  for (let i = 0; i < count && !approved; i++) {
    await page
      .getByRole('checkbox', { name: /^Vælg Amal Haddad til / })
      .nth(i)
      .check();
    await page.getByRole('button', { name: 'Godkend valgte' }).click();
    const status = page.getByRole('status');
    await expect(status).toBeVisible();
    approved = (await status.textContent())?.includes('1 forslag godkendt') ?? false;
    if (!approved) await expect(status).toContainText('Afvist efter');
  }
  expect(approved).toBe(true);

  // The pipeline now waits for Amal.
  await page.goto('/consultant/placements');
  const amalCard = page.getByRole('article', { name: /^Amal Haddad – .+, Restaurant Fjordkanten ApS$/ });
  await expect(amalCard.getByText('Venter på at kandidaten siger ja til at dele')).toBeVisible();
  const heading = await amalCard.getByRole('heading', { level: 3 }).textContent();
  const slotTitle = (heading ?? '').replace(/^Amal Haddad – /, '').replace(/, Restaurant Fjordkanten ApS$/, '');
  expect(slotTitle).not.toBe('');
  await logOut(page);

  // Amal agrees to share with the employer.
  await logIn(page, 'candidate@demo.jobbro.dk');
  await page.goto('/candidate/sharing');
  await page
    .getByRole('button', { name: /^Del med / })
    .first()
    .click();
  await expect(page.getByText('Arbejdsgiveren kan se dit navn og dine kontaktoplysninger.')).toBeVisible();
  await logOut(page);

  // The employer sees Amal, now with her name, and invites her to an interview from the slot's page.
  await logIn(page, 'employer@demo.jobbro.dk');
  await page.goto('/employer');
  const slotLinks = page.getByRole('link', { name: slotTitle, exact: true });
  const linkCount = await slotLinks.count();
  let invited = false;
  for (let i = 0; i < linkCount && !invited; i++) {
    await page.goto('/employer');
    await page.getByRole('link', { name: slotTitle, exact: true }).nth(i).click();
    await expect(page.getByRole('heading', { level: 1, name: slotTitle })).toBeVisible();
    const invite = page.getByRole('button', { name: 'Invitér til samtale' });
    if ((await invite.count()) === 0) continue;
    await expect(page.getByText('Amal Haddad')).toBeVisible();
    // The page always shows the words as a step of the slot's pipeline: wait for one more, this submission's answer,
    // before leaving the page (logging out while it was still on its way aborted it).
    const invitedBefore = await page.getByText('Inviteret til samtale').count();
    await invite.first().click();
    await expect(page.getByText('Inviteret til samtale')).toHaveCount(invitedBefore + 1);
    invited = true;
  }
  expect(invited).toBe(true);
  await logOut(page);

  // Back at the jobcentre: the placement and its life, each fact on or after its day.
  await logIn(page, 'consultant@demo.jobbro.dk');
  await page.goto('/consultant/placements');
  const card = page.getByRole('article', { name: /^Amal Haddad – .+, Restaurant Fjordkanten ApS$/ });
  await expect(card.getByText('Virksomheden har inviteret – opret forløbet')).toBeVisible();
  await card.getByRole('button', { name: 'Opret forløb' }).click();
  await expect(card.getByText('Planlagt', { exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Registrér start' }).click();
  await expect(card.getByText('Startet', { exact: true })).toBeVisible();
  await card.getByText('Registrér opfølgning, afslutning eller forlængelse').click();
  await card.getByRole('button', { name: 'Registrér opfølgning' }).click();
  await expect(card.getByText(/^Næste opfølgning: \d{1,2}\. \p{L}+\.? \d{4}$/u)).toBeVisible();
  // A placement that started today cannot be completed today (the one-day "two-year IGU").
  if (!(await card.getByRole('button', { name: 'Registrér gennemført' }).isVisible()))
    await card.getByText('Registrér opfølgning, afslutning eller forlængelse').click();
  await card.getByRole('button', { name: 'Registrér gennemført' }).click();
  await expect(page.getByRole('alert')).toContainText('Et forløb kan først være gennemført efter startdagen.');
  await expect(card.getByText('Startet', { exact: true })).toBeVisible();

  // The figures show the year of placements and their outcomes.
  await page.goto('/consultant/figures');
  await expect(page.getByRole('heading', { level: 1, name: 'Tal' })).toBeVisible();
  // The tables sit in closed <details> behind each chart: open the one to read.
  const outcomes = page.getByRole('figure', { name: 'Forløb efter resultat' });
  await expect(outcomes.locator('svg title')).toHaveText('Forløb efter resultat');
  await outcomes.getByText('Tabel').click();
  await expect(outcomes.getByRole('row', { name: /^Ordinært job \d+$/ })).toBeVisible();

  // Every table exports as CSV.
  const csv = await page.request.get('/consultant/figures.csv?table=byOutcome&scope=jobcentre');
  expect(csv.status()).toBe(200);
  const bytes = await csv.body();
  // For a Danish spreadsheet: UTF-8 byte-order mark, semicolons, Danish headings.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.startsWith('Resultat;Antal\r\n')).toBe(true);
  expect(text).toMatch(/ordinary_job;\d+/);
});

test('a consultant cannot see national figures or another role’s pages', async ({ page }) => {
  await logIn(page, 'consultant@demo.jobbro.dk');
  await expect(page).toHaveURL('/consultant');
  const response = await page.request.get('/admin/figures');
  expect(response.status()).toBe(403);
});

test('the queue’s links open a proposal in the app, without loading the whole document again', async ({ page }) => {
  await logIn(page, 'consultant@demo.jobbro.dk');
  await expect(page.getByRole('heading', { level: 1, name: 'Din kø' })).toBeVisible();
  // After hydration a document load would forget this mark; the app's own navigation keeps it.
  await page.waitForFunction(() => 'window' in globalThis && '__remixRouter' in window);
  await page.evaluate(() => Object.assign(window, { sameDocumentMark: true }));
  const proposal = page.locator('table a[href^="/consultant/proposals/"]').first();
  const href = await proposal.getAttribute('href');
  await proposal.click();
  await expect(page).toHaveURL(href!);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocumentMark?: boolean }).sameDocumentMark)).toBe(true);
});
