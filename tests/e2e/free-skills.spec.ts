/**
 * Issue 25, item 4 in the browser: a candidate in Arabic keeps their own
 * words for a skill the lookup does not find; the consultant sees them on
 * the candidate's page, maps them to a taxonomy skill through the lookup;
 * the candidate sees the mapped skill on the skill step and the notice in
 * Arabic. Screenshots of each page go to /tmp/lookup-shots. The demo data is
 * put back (skill removed, words removed, Danish again).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, openPhoneMenu, test } from './fixtures';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** "I drive the lifting machine in the warehouse": everyday words, not the taxonomy's. */
const OWN_WORDS = 'أسوق آلة الرفع في المخزن';
const FORKLIFT_AR = 'قيادة الرافعة الشوكية';

async function logIn(page: Page, role: 'candidate' | 'consultant') {
  await page.goto('/login');
  // The last person's language stays in the browser's cookie: log in in Danish; each person's own setting follows.
  if ((await page.locator('html').getAttribute('lang')) !== 'da') {
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  }
  await page.getByLabel('E-mail').fill(`${role}@demo.jobbro.dk`);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function logOut(page: Page, name: string) {
  await openPhoneMenu(page);
  await page.getByRole('button', { name }).click();
  await expect(page).toHaveURL(/\/login|\/$/);
}

async function chooseLanguage(page: Page, button: string, lang: string) {
  await openPhoneMenu(page);
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a candidate keeps their own words; the consultant maps them; the candidate sees the skill and the notice', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await logIn(page, 'candidate');
  await chooseLanguage(page, 'العربية', 'ar');
  try {
    // Words that find nothing: the step says so and offers to keep them.
    await page.goto(`/candidate/profile/skills?q=${encodeURIComponent('زقزقلب')}`);
    await expect(page.getByText('لم نجد شيئًا مناسبًا. يمكنك الاحتفاظ بكلماتك:')).toBeVisible();

    await page.goto(`/candidate/profile/skills?q=${encodeURIComponent(OWN_WORDS)}`);
    const own = page.getByLabel('ما تجيده بكلماتك أنت');
    await expect(own).toHaveValue(OWN_WORDS);
    // Empty words are refused beside the field, and nothing is kept.
    await own.fill('');
    await page.getByRole('button', { name: 'احتفظ بكلماتي' }).click();
    await expect(page.locator('#own-text-error')).toHaveText('اكتب ما تجيده.');
    await own.fill(OWN_WORDS);
    await page.getByRole('button', { name: 'احتفظ بكلماتي' }).click();
    await expect(page.getByRole('status')).toContainText('حُفظت كلماتك');
    const kept = page.locator('.free-skill').filter({ hasText: OWN_WORDS });
    await expect(kept).toContainText('بانتظار مركز التوظيف');
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: '/tmp/lookup-shots/free-skill-candidate-ar-390.png', fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: '/tmp/lookup-shots/free-skill-candidate-ar-desktop.png', fullPage: true });
    await page.setViewportSize(PHONE);
    await logOut(page, 'تسجيل الخروج');

    // The consultant sees the words on the candidate's page and maps them through the lookup.
    await page.setViewportSize(DESKTOP);
    await logIn(page, 'consultant');
    await page.goto('/consultant/free-skills');
    const item = page.locator('.free-skill').filter({ hasText: OWN_WORDS });
    await expect(item).toHaveCount(1);
    await item.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 3, name: 'Kompetencer med egne ord' })).toBeVisible();
    await expect(page.getByText(`“${OWN_WORDS}”`)).toBeVisible();
    await page.screenshot({ path: '/tmp/lookup-shots/free-skill-consultant-candidate-desktop.png', fullPage: true });
    await page.getByRole('link', { name: /kompetence med egne ord venter på dig/ }).click();
    await expect(page).toHaveURL(/\/consultant\/free-skills\?candidate=/);
    const mine = page.locator('.free-skill').filter({ hasText: OWN_WORDS });
    await mine.getByLabel(/Find en kompetence for/).fill('gaffeltruck');
    await mine.getByRole('button', { name: 'Søg' }).click();
    await expect(page.getByRole('button', { name: 'Tilføj som kompetence køre gaffeltruck' })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/lookup-shots/free-skill-consultant-map-desktop.png', fullPage: true });
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: '/tmp/lookup-shots/free-skill-consultant-map-390.png', fullPage: true });
    await page.getByRole('button', { name: 'Tilføj som kompetence køre gaffeltruck' }).click();
    await expect(page.getByRole('status')).toContainText('Kandidaten har fået besked');
    await expect(page.locator('.free-skill').filter({ hasText: OWN_WORDS })).toHaveCount(0);
    await logOut(page, 'Log ud');

    // The candidate sees the skill among theirs, the words marked as added, and the notice in Arabic.
    await logIn(page, 'candidate');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await page.goto('/notifications');
    await expect(page.getByText(`أضاف مركز التوظيف «${FORKLIFT_AR}» إلى مهاراتك مقابل «${OWN_WORDS}»`)).toBeVisible();
    await page.screenshot({ path: '/tmp/lookup-shots/free-skill-notice-ar-390.png', fullPage: true });
    await page.goto('/candidate/profile/skills');
    await expect(page.getByRole('heading', { level: 3, name: FORKLIFT_AR })).toBeVisible();
    await expect(page.locator('.free-skill').filter({ hasText: OWN_WORDS })).toContainText(`أُضيفت بوصفها «${FORKLIFT_AR}»`);
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/lookup-shots/free-skill-mapped-ar-390.png', fullPage: true });
  } finally {
    await page.context().clearCookies();
    await page.setViewportSize(PHONE);
    await logIn(page, 'candidate');
    if ((await page.locator('html').getAttribute('lang')) !== 'ar') await chooseLanguage(page, 'العربية', 'ar');
    await page.goto('/candidate/profile/skills');
    const removeSkill = page.getByRole('button', { name: `حذف ${FORKLIFT_AR}` });
    if (await removeSkill.count()) {
      await removeSkill.click();
      await expect(removeSkill).toHaveCount(0);
    }
    const removeWords = page.getByRole('button', { name: `إزالة ${OWN_WORDS}` });
    if (await removeWords.count()) {
      await removeWords.click();
      await expect(removeWords).toHaveCount(0);
    }
    await chooseLanguage(page, 'Dansk', 'da');
  }
});
