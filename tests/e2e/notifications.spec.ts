/**
 * Issue 23's journey across the three roles, in the built app: the
 * consultant approves Amal (who reads Jobbro in Arabic) for a slot of the
 * demo employer → the employer sees the notification (the header counts it)
 * and the mail (the local mailbox, the embedded default) → the employer
 * invites → Amal sees the step on her home page and gets the mail in Arabic
 * → she shares → the employer and the consultant are told, and the
 * consultant's pages show who invited and when.
 */
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from './fixtures';

async function logIn(page: Page, email: string) {
  // A language chosen by the previous person stays in a cookie: start each login as a new visitor (Danish browser).
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 15_000 });
}

async function logOut(page: Page) {
  await page.locator('form[action="/logout"] button').click();
  await expect(page).toHaveURL('/');
}

/** The admin's local mailbox, until a mail to `to` whose subject matches arrives (delivery runs after commit, every second). */
async function mailIn(page: Page, to: string, subject: RegExp): Promise<string> {
  await logIn(page, 'admin@demo.jobbro.dk');
  const mail = page
    .getByRole('article')
    .filter({ hasText: to })
    .filter({ has: page.getByRole('heading', { name: subject }) })
    .first();
  await expect(async () => {
    await page.goto('/admin/mailbox');
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const text = (await mail.locator('pre').textContent()) ?? '';
  await logOut(page);
  return text;
}

// Known failure after the workbench's compact queue landed: the journey finds no proposal of Amal's that approves
// ("1 forslag godkendt" never shows). Issue 23 stays open until it passes again.
test.fixme('approve → employer told → invite → the candidate sees the step and gets the mail in Arabic → share → employer and consultant told', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);

  // Amal reads Jobbro in Arabic: her notifications and mails follow her choice.
  await logIn(page, 'candidate@demo.jobbro.dk');
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await logOut(page);

  try {
    // The consultant approves one of Amal's proposals for the demo employer (the first the rules allow).
    await logIn(page, 'consultant@demo.jobbro.dk');
    await page.goto('/consultant?candidate=Amal&employerName=fjordkanten');
    const boxes = page.getByRole('checkbox', { name: /^Vælg Amal Haddad til / });
    const count = await boxes.count();
    let approved = false;
    for (let i = 0; i < count && !approved; i++) {
      await page
        .getByRole('checkbox', { name: /^Vælg Amal Haddad til / })
        .nth(i)
        .check();
      await page.getByRole('button', { name: 'Godkend valgte' }).click();
      const status = page.getByRole('status');
      await expect(status).toBeVisible();
      approved = (await status.textContent())?.includes('1 forslag godkendt') ?? false;
    }
    expect(approved).toBe(true);
    await logOut(page);

    // The employer: the header counts the unread notification; the newest says which slot, without Amal's name.
    await logIn(page, 'employer@demo.jobbro.dk');
    await expect(page.getByRole('link', { name: /^Notifikationer, \d+ ulæst/ })).toBeVisible();
    await page.getByRole('link', { name: /^Notifikationer/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifikationer' })).toBeVisible();
    const newest = page.getByRole('list', { name: 'Notifikationer' }).getByRole('listitem').first();
    const heading = (await newest.getByRole('heading').textContent()) ?? '';
    const slotTitle = /Jobcentret har godkendt en kandidat til “(.+)”/.exec(heading)?.[1] ?? '';
    expect(slotTitle).not.toBe('');
    expect(heading).not.toContain('Amal');
    await logOut(page);

    const escaped = slotTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const employerMail = await mailIn(page, 'employer@demo.jobbro.dk', new RegExp(`godkendt en kandidat til “${escaped}”`));
    expect(employerMail).toContain(`${baseURL}/employer/slots/`);
    expect(employerMail).not.toContain('Amal');

    // The employer opens the slot from the notification and invites the (still anonymous) candidate.
    await logIn(page, 'employer@demo.jobbro.dk');
    await page.goto('/notifications');
    await page.getByRole('list', { name: 'Notifikationer' }).getByRole('listitem').first().getByRole('link', { name: 'Åbn' }).click();
    await expect(page.getByRole('heading', { level: 1, name: slotTitle })).toBeVisible();
    const invitedBefore = await page.getByText('Inviteret til samtale').count();
    await page.getByRole('button', { name: 'Invitér til samtale' }).first().click();
    await expect(page.getByText('Inviteret til samtale')).toHaveCount(invitedBefore + 1);
    // Marking everything read empties the count.
    await page.goto('/notifications');
    await page.getByRole('button', { name: 'Markér alle som læst' }).click();
    await expect(page.getByRole('status')).toContainText('markeret som læst');
    await expect(page.getByRole('link', { name: 'Notifikationer', exact: true })).toBeVisible();
    await logOut(page);

    // Amal, in Arabic: her home page shows the invitation as the current step and what to do now.
    await logIn(page, 'candidate@demo.jobbro.dk');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const offer = page
      .getByRole('region', { name: 'عروضك خطوة بخطوة' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: `${slotTitle} – Restaurant Fjordkanten ApS` }) });
    await expect(offer.locator('[aria-current="step"]')).toContainText('دعاك صاحب العمل');
    await expect(offer.getByText('شارك بيانات الاتصال بك حتى يتمكن صاحب العمل من التواصل معك.')).toBeVisible();
    await expect(page.getByRole('link', { name: /^الإشعارات، / })).toBeVisible();
    await logOut(page);

    const candidateMail = await mailIn(
      page,
      'candidate@demo.jobbro.dk',
      new RegExp(`تدعوك Restaurant Fjordkanten ApS إلى مقابلة من أجل «${escaped}»`),
    );
    expect(candidateMail).toContain('مرحبًا');
    expect(candidateMail).toContain(`${baseURL}/candidate/sharing`);

    // Amal shares her details for this slot.
    await logIn(page, 'candidate@demo.jobbro.dk');
    await page.goto('/candidate/sharing');
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: slotTitle, exact: true }) })
      .first()
      .getByRole('button')
      .click();
    await expect(page.getByRole('status')).toBeVisible();
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await logOut(page);

    // The employer is told, now with her name.
    await logIn(page, 'employer@demo.jobbro.dk');
    await page.goto('/notifications');
    await expect(page.getByRole('heading', { name: `Amal Haddad deler navn og kontaktoplysninger til “${slotTitle}”` })).toBeVisible();
    await logOut(page);

    // The consultant is told of the invitation and the sharing, and the placements page shows who invited and when.
    await logIn(page, 'consultant@demo.jobbro.dk');
    await page.goto('/notifications');
    await expect(
      page.getByRole('heading', { name: `Restaurant Fjordkanten ApS har inviteret Amal Haddad til samtale om “${slotTitle}”` }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: `Amal Haddad deler sine oplysninger med Restaurant Fjordkanten ApS til “${slotTitle}”` }),
    ).toBeVisible();
    await page.goto('/consultant/placements');
    const card = page.getByRole('region', { name: `Amal Haddad – ${slotTitle}, Restaurant Fjordkanten ApS` });
    await expect(card.getByTestId('employer-decision')).toHaveText(/^Inviteret til samtale af .+, .+/);
    await expect(card.getByText('Virksomheden har inviteret – opret forløbet')).toBeVisible();
  } finally {
    // Leave Amal's language as the other journeys expect it.
    await page.context().clearCookies();
    await logIn(page, 'candidate@demo.jobbro.dk');
    const danish = page.getByRole('button', { name: 'Dansk' });
    if ((await page.locator('html').getAttribute('lang')) !== 'da') await danish.click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  }
});
