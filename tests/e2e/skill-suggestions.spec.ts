/**
 * Issue 25, item 3 in the browser: on the experience step a candidate in
 * Arabic sees the skills of the trades they hold and adds one with one
 * click (the page stays, the chosen trades untouched); an employer who
 * chooses an occupation in the slot form adds one of its skills to the
 * required skills with one click. Each test puts the demo data back.
 */
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, openPhoneMenu, test } from './fixtures';

async function logIn(page: Page, role: 'candidate' | 'employer') {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(`${role}@demo.jobbro.dk`);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function chooseLanguage(page: Page, button: string, lang: string) {
  await openPhoneMenu(page);
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test('in Arabic, the experience step suggests the skills of the trades held and one click adds one', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, 'candidate');
  await chooseLanguage(page, 'العربية', 'ar');
  let added = '';
  try {
    await page.goto('/candidate/profile/experience');
    const suggestions = page.getByRole('region', { name: 'مهارات مرتبطة بعملك' });
    await expect(suggestions).toBeVisible();
    const ticked = await page.locator('input[name="occupations"]:checked').count();
    const first = suggestions.getByRole('button').first();
    added = (await first.innerText()).trim();
    await first.click();
    await expect(suggestions.getByText(`تمت الإضافة إلى ملفك: ${added}`)).toBeVisible();
    await expect(suggestions.getByRole('button', { name: added, exact: true })).toHaveCount(0);
    expect(await page.locator('input[name="occupations"]:checked').count()).toBe(ticked);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    await page.goto('/candidate/profile/skills');
    await expect(page.getByRole('heading', { level: 3, name: added })).toBeVisible();
  } finally {
    if (added) {
      await page.goto('/candidate/profile/skills');
      const remove = page.getByRole('button', { name: `حذف ${added}` });
      if (await remove.count()) {
        await remove.click();
        await expect(remove).toHaveCount(0);
      }
    }
    await chooseLanguage(page, 'Dansk', 'da');
  }
});

test('the suggestions follow the ticked trades at once, before anything is saved', async ({ page }) => {
  await logIn(page, 'candidate');
  await page.goto('/candidate/profile/experience');
  const held = await page.locator('input[name="occupations"]:checked').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('value')));
  const suggestions = page.getByRole('region', { name: 'Kompetencer der hører til dit fag' });
  for (const ticked of await page.locator('input[name="occupations"]:checked').all()) await ticked.uncheck();
  await expect(suggestions).toHaveCount(0);

  // The kitchen group is open already when a kitchen trade was held.
  const kitchen = page.locator('details', { has: page.locator('summary', { hasText: 'Køkken og servering' }) });
  if ((await kitchen.getAttribute('open')) === null) await kitchen.locator('summary').click();
  await page.getByRole('checkbox', { name: 'kok', exact: true }).check();
  await expect(suggestions).toBeVisible();
  await expect(suggestions.getByRole('button').first()).toBeVisible();

  // Nothing was saved: the page drawn again has the trades held before.
  await page.reload();
  const after = await page.locator('input[name="occupations"]:checked').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('value')));
  expect(after.sort()).toEqual(held.sort());
});

test('in the slot form, choosing an occupation offers its skills and one click makes one required', async ({ page }) => {
  await logIn(page, 'employer');
  await page.goto('/employer/slots/new');
  await page.getByLabel('Stilling').selectOption({ label: 'kok' });
  const suggestions = page.getByRole('region', { name: 'Kompetencer der hører til stillingen' });
  await expect(suggestions).toBeVisible();
  await suggestions.getByRole('button', { name: 'Tilføj arbejde efter opskrift som krav' }).click();
  await expect(suggestions.getByText('arbejde efter opskrift er tilføjet som krav.')).toBeVisible();
  // Now a chosen required skill (a chip in the picker, submitted with the form), and no longer suggested.
  await expect(page.locator('input[type="hidden"][name="mustSkills"]')).toHaveCount(1);
  await expect(page.locator('.skill-picker__chip', { hasText: 'arbejde efter opskrift' })).toHaveCount(1);
  await expect(suggestions.getByRole('button', { name: 'Tilføj arbejde efter opskrift som krav' })).toHaveCount(0);
});
