/**
 * What every browser journey shares: the demo password (README) and a
 * `test` that fails on a script error or a CSP violation in the page. Answers
 * with a 4xx status that a test asks for on purpose are reported by Chromium
 * as "Failed to load resource": allowed.
 */
import { expect, test as base, type Page } from '@playwright/test';

export { expect };

export const DEMO_PASSWORD = 'demo-jobbro-2026';

/** Records the page's script errors into `errors`; for pages a test opens beside its own. */
export function collectBrowserErrors(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
}

export const test = base.extend<{ browserErrors: string[] }>({
  browserErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      collectBrowserErrors(page, errors);
      await use(errors);
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * On a phone the signed-in header keeps the role's pages, the language
 * buttons and logging out in a menu (root.tsx, PhoneMenu): open it when it
 * is there and closed. On wider screens it is hidden and this does nothing.
 */
export async function openPhoneMenu(page: Page): Promise<void> {
  const menu = page.locator('details.site-menu');
  if ((await menu.count()) === 0 || !(await menu.isVisible())) return;
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  await expect(menu).toHaveAttribute('open', '');
}
