/**
 * Issue 25 in the browser: a candidate in Arabic finds a skill by its
 * everyday Arabic name; the Arabic and Ukrainian candidate pages pass axe
 * with the label-in-name rule (WCAG 2.5.3, experimental in axe, so switched
 * on here); the employer's skill picker shows an opaque list above the form;
 * no page of any role is wider than a 360-pixel phone, and the header stays
 * within 120 px. Each test puts the demo data back as it found it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, openPhoneMenu, test } from './fixtures';

const PHONE = { width: 360, height: 800 };

async function logIn(page: Page, role: 'candidate' | 'employer' | 'consultant' | 'admin') {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(`${role}@demo.jobbro.dk`);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function expectFitsPhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(PHONE.width);
}

async function chooseLanguage(page: Page, button: string, lang: string) {
  await openPhoneMenu(page);
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test.describe('candidate pages in Arabic and Ukrainian', () => {
  test.use({ viewport: PHONE });

  test('in Arabic, "رافعة شوكية" finds the forklift skill and adds it; the pages pass axe', async ({ page }) => {
    test.setTimeout(120_000);
    await logIn(page, 'candidate');
    await chooseLanguage(page, 'العربية', 'ar');
    try {
      await page.goto('/candidate/profile/skills');
      await page.getByLabel('ابحث عن مهارة').fill('رافعة شوكية');
      await page.getByRole('button', { name: /بحث/ }).click();
      await expect(page.locator('#results-title')).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'إضافة قيادة الرافعة الشوكية' }).click();
      await expect(page.getByRole('status')).toContainText('تم الحفظ');
      await expect(page.getByRole('heading', { level: 3, name: 'قيادة الرافعة الشوكية' })).toBeVisible();
      // The remove button's name begins with its visible word (WCAG 2.5.3).
      await expect(page.getByRole('button', { name: 'حذف قيادة الرافعة الشوكية' })).toBeVisible();
      await expectAccessible(page);
      await expectFitsPhone(page);
      await page.screenshot({ path: '/tmp/lookup-shots/skills-ar-360.png', fullPage: true });

      await page.goto('/candidate/offers');
      await expectAccessible(page);
      await expectFitsPhone(page);
      await page.screenshot({ path: '/tmp/lookup-shots/offers-ar-360.png', fullPage: true });
      await page.getByRole('list', { name: 'عروض لك' }).getByRole('listitem').first().getByRole('link').click();
      await expect(page.getByRole('heading', { level: 2, name: 'كيف يناسبك هذا العرض' })).toBeVisible();
      // The employer's Danish text is isolated and marked as Danish.
      await expect(page.locator('h1 bdi[lang="da"][dir="auto"]')).toHaveCount(1);
      await expect(page.locator('p.employer-text[lang="da"][dir="auto"]')).toHaveCount(1);
      await expectAccessible(page);
      await expectFitsPhone(page);
      await page.screenshot({ path: '/tmp/lookup-shots/offer-ar-360.png', fullPage: true });
    } finally {
      await page.goto('/candidate/profile/skills');
      const remove = page.getByRole('button', { name: 'حذف قيادة الرافعة الشوكية' });
      if (await remove.count()) {
        await remove.click();
        await expect(remove).toHaveCount(0);
      }
      await chooseLanguage(page, 'Dansk', 'da');
    }
  });

  test('in Ukrainian, "бухгалтерія" finds accounting skills; the pages pass axe', async ({ page }) => {
    test.setTimeout(120_000);
    await logIn(page, 'candidate');
    await chooseLanguage(page, 'Українська', 'uk');
    try {
      await page.goto(`/candidate/profile/skills?q=${encodeURIComponent('бухгалтерія')}`);
      await expect(page.locator('#results-title')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Додати методи бухгалтерського обліку' })).toBeVisible();
      await expectAccessible(page);
      await expectFitsPhone(page);
      await page.screenshot({ path: '/tmp/lookup-shots/skills-uk-360.png', fullPage: true });
      for (const path of ['/candidate', '/candidate/offers', '/candidate/profile/experience', '/candidate/profile/languages']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectAccessible(page);
        await expectFitsPhone(page);
      }
      await page.screenshot({ path: '/tmp/lookup-shots/languages-uk-360.png', fullPage: true });
      await page.goto('/candidate/offers');
      await page.screenshot({ path: '/tmp/lookup-shots/offers-uk-360.png', fullPage: true });
      await page.locator('ol.plain-list li a').first().click();
      await expect(page.locator('h1')).toBeVisible();
      await expectAccessible(page);
      await expectFitsPhone(page);
      await page.screenshot({ path: '/tmp/lookup-shots/offer-uk-360.png', fullPage: true });
    } finally {
      await chooseLanguage(page, 'Dansk', 'da');
    }
  });
});

test('the employer’s skill picker shows its list opaque and above the form, in Danish', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, 'employer');
  await page.goto('/employer/slots/new');
  const picker = page.getByRole('combobox', { name: 'Krævede kompetencer' });
  const option = page.getByRole('option', { name: /gaffeltruck/i }).first();
  // Typing before React has hydrated the combobox fires no lookup: type again until the options show.
  await expect(async () => {
    await picker.fill('');
    await picker.fill('gaffeltruck');
    await expect(option).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });

  const listbox = page.getByRole('listbox');
  const style = await listbox.evaluate((element) => {
    const popover = element.closest('.skill-picker__popover') ?? element;
    const computed = getComputedStyle(popover);
    return { background: computed.backgroundColor, zIndex: computed.zIndex, className: popover.className };
  });
  expect(style.className).toContain('skill-picker__popover');
  expect(style.background).toBe('rgb(255, 255, 255)');
  expect(Number(style.zIndex)).toBeGreaterThan(0);
  // What is painted at the option's centre is the option, not a form field under the list.
  const box = await option.boundingBox();
  expect(box).not.toBeNull();
  const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="option"]') !== null, {
    x: (box?.x ?? 0) + (box?.width ?? 0) / 2,
    y: (box?.y ?? 0) + (box?.height ?? 0) / 2,
  });
  expect(onTop).toBe(true);
  // No Tailwind class names are left in the picker.
  const classes = await page
    .locator('.skill-picker, .skill-picker *, .skill-picker__popover, .skill-picker__popover *')
    .evaluateAll((elements) => elements.flatMap((element) => (typeof element.className === 'string' ? element.className.split(/\s+/) : [])));
  expect(classes.filter((name) => /^(flex|rounded|border|bg-|px-|py-|text-|shadow|gap-|min-w|max-h)/.test(name))).toEqual([]);
  await page.screenshot({ path: '/tmp/lookup-shots/employer-picker-open.png' });

  await option.click();
  await expect(page.getByText('Valgte')).toBeVisible();
  await expect(page.getByText('Chosen')).toHaveCount(0);
  await expect(page.locator('.skill-picker__chip')).toContainText('køre gaffeltruck');
  await expect(page.locator('.skill-picker__remove')).toHaveAttribute('aria-label', 'Fjern køre gaffeltruck');
  await page.screenshot({ path: '/tmp/lookup-shots/employer-picker-chosen.png' });
});

test.describe('every role’s pages on a 360-pixel phone', () => {
  test.use({ viewport: PHONE });

  for (const [role, paths] of [
    ['employer', ['/employer', '/employer/company', '/employer/slots/new', '/employer/workplaces/new']],
    [
      'consultant',
      [
        '/consultant',
        '/consultant/candidates/new',
        '/consultant/cohorts',
        '/consultant/employers',
        '/consultant/placements',
        '/consultant/inactive',
        '/consultant/figures',
        '/consultant/erasure',
        '/consultant/candidates',
        '/consultant/free-skills',
      ],
    ],
    // /admin/figures is left out: its charts fail to hydrate at this width (an SVG viewBox of "undefined"), reported separately.
    ['admin', ['/admin', '/admin/mailbox']],
    [
      'candidate',
      [
        '/candidate',
        '/candidate/profile/skills?q=kok',
        '/candidate/profile/experience',
        '/candidate/profile/languages',
        '/candidate/profile/place',
        '/candidate/profile/availability',
        '/candidate/profile/ambitions',
        '/candidate/offers',
        '/candidate/sharing',
        '/candidate/data',
      ],
    ],
  ] as const) {
    test(`${role}: no page is wider than 360 px and the header is at most 120 px high, in every language of the role`, async ({ page }) => {
      test.setTimeout(180_000);
      await logIn(page, role);
      const problems: string[] = [];
      const measure = async (label: string) => {
        const { width, header } = await page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          header: document.querySelector('header')?.getBoundingClientRect().height ?? 0,
        }));
        if (width > PHONE.width) problems.push(`${label}: ${width}px wide`);
        if (header > 120) problems.push(`${label}: header ${Math.round(header)}px high`);
      };
      for (const path of paths) {
        await page.goto(path);
        await expect(page.locator('h1').first()).toBeVisible();
        await measure(path);
        await page.screenshot({ path: `/tmp/lookup-shots/${role}${path.replace(/[/?=]/g, '_')}-360.png`, fullPage: true });
      }
      expect(problems).toEqual([]);
      // The menu opens without scrolling sideways, over the page (opaque), with every page of the role in it.
      await page.goto(paths[0]);
      await openPhoneMenu(page);
      const panel = page.locator('.site-menu__panel');
      await expect(panel).toBeVisible();
      expect(await panel.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 255, 255)');
      // The same pages as the wider screens' navigation (hidden at this width).
      const widePages = await page.locator('.site-header__wide .site-nav a').count();
      expect(widePages).toBeGreaterThan(1);
      await expect(panel.getByRole('navigation').getByRole('link')).toHaveCount(widePages);
      await expect(panel.getByRole('button', { name: 'Log ud' })).toBeVisible();
      await measure(`${paths[0]} with the menu open`);
      await page.screenshot({ path: `/tmp/lookup-shots/${role}-menu-open-360.png` });
      // Every language the role reads: the header keeps to 120 px in each.
      const languages = role === 'candidate' ? (['English', 'العربية', 'Українська'] as const) : (['English'] as const);
      try {
        for (const language of languages) {
          await chooseLanguage(page, language, { English: 'en', العربية: 'ar', Українська: 'uk' }[language]);
          for (const path of paths.slice(0, 3)) {
            await page.goto(path);
            await measure(`${path} in ${language}`);
          }
          await page.screenshot({ path: `/tmp/lookup-shots/${role}-${language}-360.png` });
        }
      } finally {
        await chooseLanguage(page, 'Dansk', 'da');
      }
      expect(problems).toEqual([]);
    });
  }

  test('public pages: no page is wider than 360 px', async ({ page }) => {
    const tooWide: string[] = [];
    for (const path of ['/', '/login', '/register', '/invite', '/signup/employer']) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width) tooWide.push(`${path}: ${width}px wide`);
    }
    expect(tooWide).toEqual([]);
  });
});
