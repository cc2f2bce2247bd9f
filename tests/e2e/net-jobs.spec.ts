/**
 * Løntilskud net job creation (issue 26): the questions appear on the slot
 * form for løntilskud only. The demo employer edits its løntilskud draft:
 * leaving the headcounts out gets a message next to each field and saves
 * nothing; a headcount that has not grown is saved, and the slot published. The matcher proposes Aabenraa candidates for it, and
 * the consultant sees the failing verdict in the queue row's flag and on the
 * proposal page, with the rule's Danish text and its source, and cannot
 * approve it.
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

test('an employer answers the løntilskud questions; the consultant sees the failing net-job verdict and cannot approve', async ({ page }) => {
  test.setTimeout(150_000);
  await logIn(page, 'employer@demo.jobbro.dk');

  // A new slot: the questions belong to løntilskud only, hidden until that scheme is chosen.
  await page.goto('/employer/slots/new');
  const netJobs = page.getByRole('group', { name: 'Løntilskud: bliver det et ekstra job?' });
  await expect(netJobs).toBeHidden();
  await page.getByLabel('Løntilskud', { exact: true }).check();
  await expect(netJobs).toBeVisible();

  // The demo company's løntilskud draft (the workplace has no room for another supported place).
  await page.goto('/employer');
  await page.getByRole('row').filter({ hasText: 'Løntilskud' }).filter({ hasText: 'Kladde' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/employer\/slots\/[0-9a-f-]{36}$/);
  // The URL changes before the slot's page has rendered: read its title once its own controls are there.
  await expect(page.getByRole('link', { name: 'Ret', exact: true })).toBeVisible();
  const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(title).not.toBe('');
  await page.getByRole('link', { name: 'Ret', exact: true }).click();
  await expect(netJobs).toBeVisible();
  const fteNow = page.getByLabel('Hvor mange ordinært ansatte har arbejdspladsen nu?');
  const fte12mAgo = page.getByLabel('Hvor mange ordinært ansatte havde arbejdspladsen for 12 måneder siden?');

  // Without the headcounts: a message next to each, nothing saved.
  await fteNow.fill('');
  await fte12mAgo.fill('');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(fteNow).toHaveAttribute('aria-invalid', 'true');
  await expect(fte12mAgo).toHaveAttribute('aria-invalid', 'true');
  await expect(netJobs.getByText('Udfyld feltet.').first()).toBeVisible();
  await expect(page).toHaveURL(/\/edit$/);

  // A headcount that has not grown (Danish decimal comma), no vacated job.
  await fteNow.fill('14,5');
  await fte12mAgo.fill('14,5');
  await netJobs.getByLabel('Nej').check();
  await expect(page.getByLabel('Hvornår stoppede (eller stopper) medarbejderen?')).toBeHidden();
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Offentliggør', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Markér som besat' })).toBeVisible();
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page).toHaveURL('/');

  // The matcher runs once the slot reaches the index; its proposals reach the consultant's queue.
  await logIn(page, 'consultant@demo.jobbro.dk');
  const row = page.getByRole('row').filter({ hasText: title }).filter({ hasText: 'Ingen vækst i antal ansatte' }).first();
  await expect(async () => {
    await page.goto('/consultant?employerName=fjordkanten');
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  // The proposal page: the verdict with the rule's Danish text and its source.
  await row.getByRole('link').first().click();
  const failed = page.locator('.rule-checks__failed').filter({ hasText: 'Merbeskæftigelse' });
  await expect(failed).toContainText('arbejdspladsen skal have flere ordinært ansatte nu end for 12 måneder siden');
  await expect(failed).toContainText('krav om merbeskæftigelse');
  await expect(failed).toContainText('14,5 ordinært ansatte (årsværk) nu mod 14,5 for 12 måneder siden: arbejdspladsen er ikke vokset');

  // Approving is refused with the same reason.
  await page.getByRole('button', { name: 'Godkend', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Merbeskæftigelse: arbejdspladsen skal have flere ordinært ansatte');
});
