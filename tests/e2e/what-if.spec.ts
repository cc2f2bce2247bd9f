/**
 * What-if on a slot (issue 24, item 6), in Danish, on the demo data: from a
 * proposal the consultant opens the slot's what-if, lowers the Danish
 * requirement and sees the ranking change (candidates move or come in, with
 * the matcher's reasons), while the real proposals stay as they were.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from './fixtures';

async function logIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 15_000 });
}

/**
 * The what-if page of the first proposal in the queue whose slot asks for Danish. Which rows come first moves
 * with the demo data and with what earlier journeys decided, so it looks through the queue's first pages,
 * each slot once.
 */
async function openWhatIfOfSlotWithDanish(page: Page): Promise<string> {
  const seenSlots = new Set<string>();
  for (const queuePage of [1, 2, 3]) {
    await page.goto(`/consultant?page=${queuePage}`);
    const proposals = await page
      .locator('a[href^="/consultant/proposals/"]')
      .evaluateAll((links) => [...new Set(links.map((link) => link.getAttribute('href') ?? ''))]);
    for (const proposal of proposals) {
      await page.goto(proposal);
      const whatIf = page.getByRole('link', { name: /^Hvad nu hvis\?/ });
      const slot = (await whatIf.getAttribute('href')) ?? '';
      if (seenSlots.has(slot)) continue;
      seenSlots.add(slot);
      await whatIf.click();
      await expect(page.getByRole('heading', { level: 1, name: /^Hvad nu hvis: / })).toBeVisible();
      if ((await page.getByLabel('Mundtligt').inputValue()) !== '') return proposal;
    }
  }
  throw new Error(`no slot with a Danish requirement among the ${seenSlots.size} slots of the demo queue's first three pages`);
}

test('a consultant lowers a slot’s Danish requirement in the what-if and sees the ranking change; nothing is stored', async ({ page }) => {
  await logIn(page, 'consultant@demo.jobbro.dk');
  await expect(page.getByRole('heading', { level: 1, name: 'Din kø' })).toBeVisible();
  const proposal = await openWhatIfOfSlotWithDanish(page);
  const whatIfUrl = page.url();
  const now = page.getByTestId('ranking-now');
  const rankingBefore = await now.innerText();
  await expect(page.getByText('Ingen ændringer afprøvet endnu')).toBeVisible();

  await page.getByLabel('Mundtligt').selectOption({ label: 'Intet krav' });
  await page.getByLabel('Skriftligt').selectOption({ label: 'Intet krav' });
  await page.getByRole('button', { name: 'Vis rangeringen' }).click();

  await expect(page.getByRole('heading', { name: 'Afprøvede ændringer' })).toBeVisible();
  await expect(page.getByText(/^Dansk mundtligt: [ABC][12] → Intet krav$/)).toBeVisible();
  // The form keeps what was tried, not the slot as it is.
  await expect(page.getByLabel('Mundtligt')).toHaveValue('');
  await expect(page.getByLabel('Skriftligt')).toHaveValue('');
  const changed = page.getByTestId('ranking-what-if');
  await expect(changed).toBeVisible();
  const moved = changed.locator('tr[data-movement="new"], tr[data-movement="up"], tr[data-movement="down"]');
  expect(await moved.count()).toBeGreaterThan(0);
  // A newcomer's reasons are shown, as sentences in Danish.
  const newcomer = changed.locator('tr[data-movement="new"]').first();
  if ((await newcomer.count()) > 0) {
    await expect(newcomer.locator('.what-if-move')).toContainText('ny');
    await expect(newcomer.locator('.what-if-reasons li').first()).toHaveText(/^(Har|Mangler|Dansk|\d)/);
    // Not proposed: the what-if stored no proposal for them.
    await expect(newcomer.locator('.status-badge')).toHaveCount(0);
  }
  const changedText = await changed.innerText();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

  // The same URL again: the ranking now is the same as before (no proposal was written), and so is the what-if.
  await page.goto(page.url());
  expect(await page.getByTestId('ranking-now').innerText()).toBe(rankingBefore);
  expect(await page.getByTestId('ranking-what-if').innerText()).toBe(changedText);
  await page.goto(whatIfUrl);
  expect(await page.getByTestId('ranking-now').innerText()).toBe(rankingBefore);

  // The proposal is still undecided, and can still be decided.
  await page.goto(proposal);
  await expect(page.getByRole('button', { name: 'Godkend', exact: true })).toBeVisible();
});

test('impossible what-if values get an error on the field, not a server error', async ({ page }) => {
  await logIn(page, 'consultant@demo.jobbro.dk');
  await openWhatIfOfSlotWithDanish(page);
  const response = await page.goto(`${page.url()}?danishSpoken=D1&startDate=2027-02-30`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('Nogle ændringer kan ikke bruges');
  await expect(page.getByText('Vælg et niveau fra A1 til C2 eller intet krav.')).toBeVisible();
  await expect(page.getByText('Skriv en rigtig dato (ÅÅÅÅ-MM-DD).')).toBeVisible();
  await expect(page.getByTestId('ranking-now')).toBeVisible();
});
