/**
 * Accounts people can recover (issues 21.13, 23.5): "forgot password" mails a
 * link (read here in the admin's local mailbox), the link works once and
 * ends the other sessions; the password change page; "log out everywhere".
 * Each journey puts the demo password back, so the other specs still log in.
 */
import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, collectBrowserErrors, expect, test } from './fixtures';

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
}

async function newPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'da-DK' })).newPage();
  collectBrowserErrors(page, errors);
  return page;
}

/** The newest reset link mailed to `address`, as the admin sees it at /admin/mailbox. */
async function mailedResetLink(admin: Page, address: string): Promise<string> {
  const mail = admin.locator('article').filter({ hasText: address }).filter({ hasText: '/reset-password/' }).first();
  // The mail is queued with the link and delivered after commit (every second): look again until it is there.
  // In the owner's own language, whichever it is; the link is what matters here.
  await expect(async () => {
    await admin.goto('/admin/mailbox');
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const body = (await mail.locator('pre').textContent()) ?? '';
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(body)?.[0];
  expect(link).toBeTruthy();
  return new URL(link ?? '').pathname;
}

async function changePassword(page: Page, current: string, next: string) {
  await page.goto('/account');
  await page.getByLabel('Nuværende adgangskode').fill(current);
  await page.getByLabel('Ny adgangskode', { exact: true }).fill(next);
  await page.getByLabel('Gentag ny adgangskode').fill(next);
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
}

test('forgot password: the mailed link works once, sets the password and ends the other sessions', async ({ page, browser }) => {
  const errors: string[] = [];
  const email = 'candidate@demo.jobbro.dk';
  // Another device where the candidate is logged in.
  const phone = await newPage(browser, errors);
  await logIn(phone, email, DEMO_PASSWORD);
  await expect(phone).toHaveURL('/candidate');

  await page.goto('/login');
  await page.getByRole('link', { name: 'Glemt adgangskode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glemt adgangskode' })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByRole('status')).toContainText(`Hvis der er en konto med ${email}`);
  await page.screenshot({ path: '/tmp/ta/shot-forgot-sent-da.png', fullPage: true });
  // An unknown address gets the very same answer.
  await page.goto('/forgot-password');
  await page.getByLabel('E-mail').fill('nobody.here@example.org');
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByRole('status')).toContainText('Hvis der er en konto med nobody.here@example.org');

  const admin = await newPage(browser, errors);
  await logIn(admin, 'admin@demo.jobbro.dk', DEMO_PASSWORD);
  await expect(admin).toHaveURL('/admin');
  const link = await mailedResetLink(admin, email);
  await expect(admin.locator('article').filter({ hasText: 'nobody.here@example.org' })).toHaveCount(0);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Vælg en ny adgangskode' })).toBeVisible();
  // A guessable password is refused with the reason.
  await page.getByLabel('Ny adgangskode', { exact: true }).fill('0123456789');
  await page.getByRole('button', { name: 'Gem adgangskode' }).click();
  await expect(page.locator('#password-error')).toContainText('let at gætte');
  await page.screenshot({ path: '/tmp/ta/shot-reset-desktop-da.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/ta/shot-reset-phone-da.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByLabel('Ny adgangskode', { exact: true }).fill('en helt ny og lang sætning');
  await page.getByRole('button', { name: 'Gem adgangskode' }).click();
  await expect(page).toHaveURL('/candidate');

  // The other device's session has ended.
  await phone.goto('/candidate');
  await expect(phone).toHaveURL(/\/login\?redirectTo=/);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole('alert')).toContainText('Linket virker ikke længere');
  await expect(page.getByRole('link', { name: 'Bed om et nyt link' })).toBeVisible();

  // The new password works; the demo password is put back through the password change page.
  await changePassword(page, 'en helt ny og lang sætning', DEMO_PASSWORD);
  await expect(page.getByRole('status')).toContainText('Adgangskoden er skiftet');
  expect(errors).toEqual([]);
});

test('password change ends the other sessions; "log out everywhere" ends them all', async ({ page, browser }) => {
  const errors: string[] = [];
  const email = 'employer@demo.jobbro.dk';
  const laptop = await newPage(browser, errors);
  await logIn(laptop, email, DEMO_PASSWORD);
  await logIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL('/employer');

  await page.getByRole('link', { name: 'Min konto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible();
  await expect(page.getByText('Du er logget ind 2 steder.')).toBeVisible();
  await page.screenshot({ path: '/tmp/ta/shot-account-desktop-da.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/ta/shot-account-phone-da.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await changePassword(page, 'not the password', 'employer has a new phrase');
  await expect(page.locator('#currentPassword-error')).toHaveText('Den nuværende adgangskode er forkert.');
  await changePassword(page, DEMO_PASSWORD, 'employer has a new phrase');
  await expect(page.getByRole('status')).toContainText('Du er logget ud alle andre steder');
  await laptop.goto('/employer');
  await expect(laptop).toHaveURL(/\/login/);
  await changePassword(page, 'employer has a new phrase', DEMO_PASSWORD);
  await expect(page.getByRole('status')).toContainText('Adgangskoden er skiftet');

  await logIn(laptop, email, DEMO_PASSWORD);
  await expect(laptop).toHaveURL('/employer');
  await page.goto('/account');
  await page.getByRole('button', { name: 'Log ud alle steder' }).click();
  await expect(page).toHaveURL('/login');
  await laptop.goto('/employer');
  await expect(laptop).toHaveURL(/\/login/);
  await page.goto('/employer');
  await expect(page).toHaveURL(/\/login/);
  expect(errors).toEqual([]);
});

test('the forgot-password page in Arabic reads right to left', async ({ browser }) => {
  const errors: string[] = [];
  const context = await browser.newContext({ locale: 'ar', extraHTTPHeaders: { 'Accept-Language': 'ar' } });
  const page = await context.newPage();
  collectBrowserErrors(page, errors);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/forgot-password');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'نسيت كلمة المرور' })).toBeVisible();
  await page.screenshot({ path: '/tmp/ta/shot-forgot-phone-ar.png', fullPage: true });
  expect(errors).toEqual([]);
});
