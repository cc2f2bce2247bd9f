/**
 * Løntilskud net job creation (issue 26): the demo employer posts a
 * løntilskud slot; leaving the net-job questions out gets a message next to
 * each field and saves nothing; answering with a headcount that has not
 * grown publishes it. The matcher proposes Aabenraa candidates for it, and
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

function inWeeks(weeks: number): string {
  return new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

const TITLE = 'Lagermedhjælper med løntilskud';

test('an employer answers the løntilskud questions; the consultant sees the failing net-job verdict and cannot approve', async ({ page }) => {
  test.setTimeout(150_000);
  await logIn(page, 'employer@demo.jobbro.dk');
  await page.goto('/employer/slots/new');
  // The questions belong to løntilskud only: hidden until that scheme is chosen.
  const netJobs = page.getByRole('group', { name: 'Løntilskud: bliver det et ekstra job?' });
  await expect(netJobs).toBeHidden();
  await page.getByLabel('Løntilskud', { exact: true }).check();
  await expect(netJobs).toBeVisible();
  await page.getByLabel('Titel').fill(TITLE);
  await page.getByLabel('Startdato').fill(inWeeks(5));
  await page.getByLabel('Varighed (uger)').fill('26');
  await page.getByLabel('Timer om ugen').fill('37');

  // Without the answers: a message next to each question, nothing saved.
  await page.getByRole('button', { name: 'Gem og offentliggør' }).click();
  await expect(page.getByLabel('Hvor mange ordinært ansatte har arbejdspladsen nu?')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Hvor mange ordinært ansatte havde arbejdspladsen for 12 måneder siden?')).toHaveAttribute('aria-invalid', 'true');
  await expect(netJobs.getByText('Vælg en af mulighederne.')).toBeVisible();
  await expect(page).toHaveURL(/\/employer\/slots\/new$/);

  // A headcount that has not grown (Danish decimal comma), no vacated job.
  await page.getByLabel('Hvor mange ordinært ansatte har arbejdspladsen nu?').fill('14,5');
  await page.getByLabel('Hvor mange ordinært ansatte havde arbejdspladsen for 12 måneder siden?').fill('14,5');
  await netJobs.getByLabel('Nej').check();
  await expect(page.getByLabel('Hvornår stoppede (eller stopper) medarbejderen?')).toBeHidden();
  await page.getByRole('button', { name: 'Gem og offentliggør' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page).toHaveURL('/');

  // The matcher runs after the slot reaches the index; its proposals reach the consultant's queue.
  await logIn(page, 'consultant@demo.jobbro.dk');
  const queueUrl = `/consultant?employerName=${encodeURIComponent('fjordkanten')}`;
  const row = page.getByRole('row').filter({ hasText: TITLE }).first();
  await expect(async () => {
    await page.goto(queueUrl);
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(row.getByText('Ingen vækst i antal ansatte')).toBeVisible();

  // The proposal page: the verdict with the rule's Danish text and its source.
  await row.getByRole('link').first().click();
  const failed = page.locator('.rule-checks__failed').filter({ hasText: 'Merbeskæftigelse' });
  await expect(failed).toContainText('arbejdspladsen skal have flere ordinært ansatte nu end for 12 måneder siden');
  await expect(failed).toContainText('krav om merbeskæftigelse');
  await expect(failed).toContainText('14.5 FTE now against 14.5 FTE 12 months ago');

  // Approving is refused with the same reason.
  await page.getByRole('button', { name: 'Godkend', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Merbeskæftigelse: arbejdspladsen skal have flere ordinært ansatte');
});
