/**
 * Privacy journey: the demo candidate opens "Mine data", downloads the JSON
 * export and asks for erasure; the demo consultant (same jobcentre) sees the
 * request with its deadline and cancels it, so other suites keep the seed.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { collectBrowserErrors, DEMO_PASSWORD, expect, test } from './fixtures';

async function logIn(page: Page, email: string, landing: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page).toHaveURL(landing);
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a candidate downloads their data and asks for erasure; the consultant sees the deadline', async ({ page, browser, browserErrors }) => {
  await logIn(page, 'candidate@demo.jobbro.dk', '/candidate');
  await page.getByRole('link', { name: 'Se mine data, hent dem eller bed os slette dem' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine data' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Om dig' })).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent mine data (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^jobbro-data-\d{4}-\d{2}-\d{2}\.json$/);
  const document = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(document).toMatchObject({ format: 'jobbro-candidate-export', version: 1, account: { email: 'candidate@demo.jobbro.dk' } });
  expect(document.profile.fullName).toBeTruthy();

  await page.getByRole('link', { name: 'Bed om sletning' }).click();
  await page.getByLabel('Jeg forstår, at min profil og min konto bliver slettet og ikke kan gendannes.').check();
  await page.getByRole('button', { name: 'Ja, bed om sletning' }).click();
  await expect(page.getByRole('status')).toContainText('Din anmodning er registreret.');
  await expect(page.getByText(/Dit jobcenter sletter dine data senest/)).toBeVisible();
  await expect(page.getByText(/dage tilbage/)).toBeVisible();

  const consultantContext = await browser.newContext();
  const consultant = await consultantContext.newPage();
  try {
    collectBrowserErrors(consultant, browserErrors);
    await logIn(consultant, 'consultant@demo.jobbro.dk', '/consultant');
    await expect(consultant.getByRole('navigation').getByRole('link', { name: 'Anmodninger om sletning' })).toBeVisible();
    await consultant.goto('/consultant/erasure');
    await expect(consultant.getByRole('heading', { level: 1, name: 'Anmodninger om sletning' })).toBeVisible();
    const row = consultant.getByRole('row', { name: new RegExp(document.profile.fullName) });
    await expect(row).toBeVisible();
    await expect(row).toContainText(/3[01] dage|2[89] dage/);
    await expectAccessible(consultant);
    // Put the seed back: the request is withdrawn, nothing is erased.
    await row.getByRole('button', { name: `Annullér anmodningen fra ${document.profile.fullName}` }).click();
    await expect(consultant.getByRole('status')).toContainText('Anmodningen er annulleret.');
  } finally {
    await consultantContext.close();
  }
});
