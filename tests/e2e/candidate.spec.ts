/**
 * A candidate's journey in Arabic (right-to-left): log in, add a skill by
 * typing its Arabic name, set the Danish level, browse offers, open one and
 * express interest; and an axe-core check (WCAG 2.1 A/AA) on every candidate
 * page, on a 360-pixel-wide screen. The test puts the demo profile back as it
 * found it (language, skill, interest) so other suites see the seed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, test, openPhoneMenu } from './fixtures';

test.use({ viewport: { width: 360, height: 800 } });

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // Reflow: nothing wider than the 360-pixel screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

async function logInAsCandidate(page: Page) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('candidate@demo.jobbro.dk');
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page).toHaveURL('/candidate');
}

test('in Arabic: add a skill by its Arabic name, set Danish, browse offers, express interest', async ({ page }) => {
  // Four pages analysed by axe and a round trip through three languages: over 30 s on a shared machine.
  test.setTimeout(90_000);
  await logInAsCandidate(page);
  await openPhoneMenu(page);
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'ملفي' })).toBeVisible();
  await expectAccessible(page);

  try {
    // Skills: type the Arabic name, pick it from the list.
    await page
      .getByRole('link', { name: /المهارات/ })
      .first()
      .click();
    await expect(page).toHaveURL('/candidate/profile/skills');
    await page.getByLabel('ابحث عن مهارة').fill('الرافعة الشوكية');
    await page.getByRole('button', { name: /بحث/ }).click();
    await page.getByRole('button', { name: /^إضافة قيادة الرافعة الشوكية$/ }).click();
    await expect(page.getByRole('status')).toContainText('تم الحفظ');
    await expect(page.getByRole('heading', { level: 3, name: 'قيادة الرافعة الشوكية' })).toBeVisible();
    await expectAccessible(page);

    // Danish: DU2, module 3 → A2 spoken and written.
    await page.goto('/candidate/profile/languages');
    await page.getByLabel('دورة اللغة الدنماركية').selectOption('DU2');
    await page.getByLabel('آخر وحدة نجحت فيها').selectOption('3');
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('تم الحفظ');
    await expect(page.getByText('التحدث A2')).toBeVisible();
    await expectAccessible(page);

    // Offers, ranked for her; open the first and say she is interested.
    await openPhoneMenu(page);
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'العروض' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'عروض لك' })).toBeVisible();
    await expectAccessible(page);
    const first = page.getByRole('list', { name: 'عروض لك' }).getByRole('listitem').first().getByRole('link');
    const title = (await first.textContent()) ?? '';
    await first.click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'كيف يناسبك هذا العرض' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: /أنا مهتم/ }).click();
    await expect(page.getByRole('status')).toContainText('سينظر مستشارك');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.getByRole('button', { name: 'لم أعد مهتمًا' }).click();
    await expect(page.getByRole('status')).toContainText('تم سحب اهتمامك');
  } finally {
    // Put the demo profile back: remove the skill and the language choice.
    await page.goto('/candidate/profile/skills');
    const remove = page.getByRole('button', { name: /^حذف قيادة الرافعة الشوكية$/ });
    if (await remove.count()) {
      await remove.click();
      await expect(remove).toHaveCount(0);
    }
    await openPhoneMenu(page);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  }
});

test('every candidate page passes axe (WCAG 2.1 AA) and fits a 360-pixel screen', async ({ page }) => {
  // Eleven pages, each analysed by axe: more than the default 30 s on a shared machine.
  test.setTimeout(180_000);
  await logInAsCandidate(page);
  for (const path of [
    '/candidate',
    '/candidate/profile/skills?q=opvask',
    '/candidate/profile/experience',
    '/candidate/profile/languages',
    '/candidate/profile/place',
    '/candidate/profile/availability',
    '/candidate/profile/ambitions',
    '/candidate/offers',
    '/candidate/offers?q=rengoring&type=praktik',
    '/candidate/sharing',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
  await page.goto('/candidate/offers');
  await page.getByRole('list', { name: 'Tilbud til dig' }).getByRole('listitem').first().getByRole('link').click();
  await expectAccessible(page);
});

test('bad input on a step gets a clear message and keeps what was typed', async ({ page }) => {
  await logInAsCandidate(page);
  await page.goto('/candidate/profile/place');
  await page.getByLabel(/Postnummer/).fill('0001');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.getByText('Dette postnummer findes ikke i Danmark.')).toBeVisible();
  await expect(page.getByLabel(/Postnummer/)).toHaveValue('0001');
  await expect(page.getByLabel(/Postnummer/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.goto('/candidate/profile/place');
  await expect(page.getByLabel(/Postnummer/)).toHaveValue('6200');
});

test('self-registration and the paper-code page are accessible', async ({ page }) => {
  for (const path of ['/register', '/invite']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
});

async function logIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  // Wait for the log-in to land before going elsewhere, or the next navigation cancels it.
  await expect(page).not.toHaveURL(/\/login/);
}

test('a consultant invites a candidate; the mail lands in the local mailbox; the paper code sets the password', async ({ page }) => {
  test.setTimeout(90_000);
  const email = `invited-${Date.now()}@example.org`;
  await logIn(page, 'consultant@demo.jobbro.dk');
  await page.goto('/consultant/candidates/new');
  await page.getByLabel('Fulde navn').fill('Hala Mansour');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Fødselsdato').fill('1994-04-04');
  await page.getByLabel('Dato du kom til Danmark').fill('2024-02-01');
  await page.getByLabel('Postnummer').fill('6200');
  await page.getByLabel('Mit sprog').selectOption('da');
  await page.getByRole('button', { name: 'Opret og send invitation' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText(email);
  const code = ((await status.textContent()) ?? '').match(/Kode til papir: ([A-Z0-9]{8})/)?.[1] ?? '';
  expect(code).toMatch(/^[A-Z0-9]{8}$/);
  await openPhoneMenu(page);
  await page.getByRole('button', { name: 'Log ud' }).click();

  await logIn(page, 'admin@demo.jobbro.dk');
  // The invitation is queued and delivered after commit (every second): look again until it is there.
  await expect(async () => {
    await page.goto('/admin/mailbox');
    await expect(page.getByText(email)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText(code).first()).toBeVisible();
  await openPhoneMenu(page);
  await page.getByRole('button', { name: 'Log ud' }).click();

  await page.goto('/invite');
  await page.getByLabel('Kode').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vælg din adgangskode' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Ny adgangskode').fill('hala-password-2026');
  await page.getByRole('button', { name: 'Gem adgangskode' }).click();
  await expect(page).toHaveURL('/candidate');
  await expect(page.getByRole('heading', { level: 1, name: 'Min profil' })).toBeVisible();
});
