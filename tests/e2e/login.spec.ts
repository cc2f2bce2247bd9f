/** Log in as each role with the demo account and land on that role's start page; bad passwords and languages. */
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from './fixtures';

const roles = [
  { role: 'employer', path: '/employer', heading: 'Dine opslag' },
  { role: 'consultant', path: '/consultant', heading: 'Din kø' },
  { role: 'candidate', path: '/candidate', heading: 'Min profil' },
  { role: 'admin', path: '/admin', heading: 'Administration' },
] as const;

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
}

for (const { role, path, heading } of roles) {
  test(`${role} logs in and lands on the start page`, async ({ page }) => {
    await logIn(page, `${role}@demo.jobbro.dk`, DEMO_PASSWORD);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();

    // Logging out ends the session: the start page now asks for a login.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page).toHaveURL('/');
    await page.goto(path);
    await expect(page).toHaveURL(`/login?redirectTo=${encodeURIComponent(path)}`);
  });
}

test('a wrong password shows a clear error and no session', async ({ page }) => {
  await logIn(page, 'employer@demo.jobbro.dk', 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('E-mail eller adgangskode er forkert. Prøv igen.');
  await expect(page).toHaveURL(/\/login/);
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === 'jobbro_session')).toBeUndefined();
});

test('a role cannot open another role’s start page', async ({ page }) => {
  await logIn(page, 'candidate@demo.jobbro.dk', DEMO_PASSWORD);
  await expect(page).toHaveURL('/candidate');
  const response = await page.goto('/employer');
  expect(response?.status()).toBe(403);
  await expect(page.getByText('Du har ikke adgang til denne side.')).toBeVisible();
});

test('switching to English changes the interface, and Arabic turns the page right-to-left', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL('/login');

  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'تسجيل الدخول' })).toBeVisible();

  // Wrong-password message follows the chosen language.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('E-mail').fill('employer@demo.jobbro.dk');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('The e-mail or password is wrong. Please try again.');
});

test('the browser language is used when nothing was chosen', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.close();
});

test('bad requests get a clear 4xx and change nothing', async ({ request, baseURL }) => {
  const health = await request.get('/healthz');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'up', search: 'up' });

  // A cross-site POST is refused before it reaches a route.
  const crossSite = await request.post('/logout', { headers: { Origin: 'https://evil.example' } });
  expect(crossSite.status()).toBe(403);

  // A malformed body on a same-origin POST is a 400, not a 500.
  const malformed = await request.post('/set-language', {
    headers: { Origin: baseURL ?? '', 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'lng=klingon',
  });
  expect(malformed.status()).toBe(400);

  const unknown = await request.get('/no-such-page');
  expect(unknown.status()).toBe(404);

  // No session: pages redirect to login.
  const noSession = await request.get('/admin', { maxRedirects: 0 });
  expect(noSession.status()).toBe(302);
  expect(noSession.headers()['location']).toBe('/login?redirectTo=%2Fadmin');
});
