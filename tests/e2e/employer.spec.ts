/**
 * A company signs up (a wrong CVR first gets a clear message next to the
 * field), adds a workplace, posts an IGU slot with skills picked from the
 * taxonomy, and sees it listed as waiting for verification.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

function inFourWeeks(): string {
  const date = new Date(Date.now() + 28 * 24 * 60 * 60 * 1000);
  return date.toISOString().slice(0, 10);
}

async function fillSignup(page: Page, cvr: string) {
  await page.getByLabel('CVR-nummer').fill(cvr);
  await page.getByLabel('Virksomhedens navn').fill('Kantinen Sønderborg ApS');
  await page.getByLabel('Kontaktperson').fill('Mette Hansen');
  await page.getByLabel('E-mail').fill('mette@kantinen-e2e.dk');
  await page.getByLabel('Adgangskode', { exact: true }).fill('kantinen-e2e-2026');
  await page.getByLabel('Gentag adgangskoden').fill('kantinen-e2e-2026');
  await page.getByLabel('P-nummer').fill('2026112401');
  await page.getByLabel('Arbejdsstedets navn').fill('Kantinen, Havnen');
  await page.getByLabel('Adresse').fill('Havnegade 1');
  await page.getByLabel('Postnummer').fill('6400');
  await page.getByLabel('Ordinært ansatte (fuldtidsstillinger)').fill('12');
}

test('a company signs up, adds a workplace and posts an IGU slot that waits for verification', async ({ page }) => {
  await page.goto('/signup/employer');
  await expect(page.getByRole('heading', { level: 1, name: 'Opret jeres virksomhed' })).toBeVisible();

  // A CVR whose check digit does not match: a clear message next to the field, nothing saved.
  await fillSignup(page, '31415927');
  await page.getByRole('button', { name: 'Opret virksomhed' }).click();
  await expect(page.getByText('Det er ikke et gyldigt CVR-nummer: kontrolcifret passer ikke.')).toBeVisible();
  await expect(page.getByLabel('CVR-nummer')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/signup\/employer/);

  await fillSignup(page, '31415926');
  await page.getByRole('button', { name: 'Opret virksomhed' }).click();
  await expect(page).toHaveURL('/employer');
  await expect(page.getByRole('heading', { level: 1, name: 'Dine opslag' })).toBeVisible();
  await expect(page.getByText('Jeres virksomhed venter på godkendelse fra jobcentret.')).toBeVisible();

  // A second workplace; a bad postal code is refused first.
  await page.getByRole('link', { name: 'Tilføj arbejdssted' }).click();
  await page.getByLabel('P-nummer').fill('2026112402');
  await page.getByLabel('Arbejdsstedets navn').fill('Kantinen, Centrum');
  await page.getByLabel('Adresse').fill('Perlegade 10');
  await page.getByLabel('Postnummer').fill('64');
  await page.getByLabel('Ordinært ansatte (fuldtidsstillinger)').fill('6');
  await page.getByRole('button', { name: 'Tilføj arbejdssted' }).click();
  await expect(page.getByText('Et postnummer har 4 cifre.')).toBeVisible();
  await page.getByLabel('Postnummer').fill('6400');
  await page.getByRole('button', { name: 'Tilføj arbejdssted' }).click();
  await expect(page).toHaveURL('/employer');
  await expect(page.getByText('Kantinen, Centrum')).toBeVisible();

  // An IGU slot with a must-have skill picked from the taxonomy.
  await page.getByRole('link', { name: 'Opret opslag' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opret opslag' })).toBeVisible();
  await page.getByRole('radio', { name: 'IGU' }).check();
  await page.getByLabel('Titel').fill('Køkkenmedhjælper (IGU)');
  const picker = page.getByRole('combobox', { name: 'Krævede kompetencer' });
  // Typing before React has hydrated the combobox fires no lookup: type again until the options show.
  await expect(async () => {
    await picker.fill('');
    await picker.fill('opvask');
    await expect(page.getByRole('option', { name: /opvaskemaskine/ }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page
    .getByRole('option', { name: /opvaskemaskine/ })
    .first()
    .click();
  await expect(page.getByRole('row', { name: /opvaskemaskine/ })).toBeVisible();
  await page.getByLabel('Mundtligt dansk (CEFR)').selectOption('B1');
  await page.getByLabel('IGU: må nås inden for (måneder)').fill('6');
  await page.getByLabel('Startdato').fill(inFourWeeks());
  await page.getByLabel('Varighed (uger)').fill('52');
  await page.getByLabel('Timer om ugen').fill('30');
  await page.getByLabel('Løngrundlag (overenskomst)').fill('EGU-sats efter overenskomst');
  await page.getByRole('button', { name: 'Gem og offentliggør' }).click();
  // The IGU rule is explained next to the field, and what was typed is kept.
  await expect(page.getByText('En IGU varer præcis to år: 104 uger.')).toBeVisible();
  await expect(page.getByLabel('Titel')).toHaveValue('Køkkenmedhjælper (IGU)');
  await page.getByLabel('Varighed (uger)').fill('104');
  await page.getByRole('button', { name: 'Gem og offentliggør' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Køkkenmedhjælper (IGU)' })).toBeVisible();
  await expect(page.getByText('Venter på godkendelse')).toBeVisible();
  await expect(page.getByText(/betjene opvaskemaskine/)).toBeVisible();

  await page.getByRole('link', { name: 'Tilbage til jeres opslag' }).click();
  const row = page.getByRole('row', { name: /Køkkenmedhjælper \(IGU\)/ });
  await expect(row).toContainText('Venter på godkendelse');
  await expect(row).toContainText('IGU');
});
