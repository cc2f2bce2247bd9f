/**
 * Issue 23's journey across the three roles, in the built app: the demo
 * employer posts a praktik, Amal (who reads Jobbro in Arabic) says she is
 * interested, the consultant approves → the employer sees the notification (the header counts it)
 * and the mail (the local mailbox, the embedded default) → the employer
 * invites → Amal sees the step on her home page and gets the mail in Arabic
 * → she shares → the employer and the consultant are told, and the
 * consultant's pages show who invited and when.
 */
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, openPhoneMenu, test } from './fixtures';

async function logIn(page: Page, email: string) {
  // A language chosen by the previous person stays in a cookie: start each login as a new visitor (Danish browser).
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 15_000 });
}

/** The day `days` from today, as a date field takes it. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function logOut(page: Page) {
  // The header has a log-out button for wide screens and one in the phone menu; the one shown is used.
  await openPhoneMenu(page);
  await page.locator('form[action="/logout"] button').filter({ visible: true }).click();
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

test('approve → employer told → invite → the candidate sees the step and gets the mail in Arabic → share → employer and consultant told', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const slotTitle = `Opvasker ${Date.now().toString(36)}`;

  // Amal reads Jobbro in Arabic: her notifications and mails follow her choice.
  await logIn(page, 'candidate@demo.jobbro.dk');
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await logOut(page);

  try {
    // The employer posts a short praktik at a new workplace of its own. The journey does not lean on the demo's
    // proposals for Amal: the consultant journey (consultant.spec.ts) places her in the demo employer's IGU first,
    // and every other proposal of hers for that employer overlaps it, so the rules rightly refuse them.
    await logIn(page, 'employer@demo.jobbro.dk');
    await page.goto('/employer/workplaces/new');
    await page.getByLabel('P-nummer').fill('2026120701');
    await page.getByLabel('Arbejdsstedets navn').fill('Fjordkanten, Kantinen');
    await page.getByLabel('Adresse').fill('Havnegade 14');
    await page.getByLabel('Postnummer').fill('6200');
    await page.getByLabel('Ordinært ansatte (fuldtidsstillinger)').fill('20');
    await page.getByRole('button', { name: 'Tilføj arbejdssted' }).click();
    await expect(page).toHaveURL('/employer');
    await page.getByRole('link', { name: 'Opret opslag' }).first().click();
    await page.getByRole('radio', { name: 'Virksomhedspraktik' }).check();
    await page.getByLabel('Arbejdssted').selectOption({ label: 'Fjordkanten, Kantinen (6200 Aabenraa)' });
    await page.getByLabel('Titel').fill(slotTitle);
    await page.getByLabel('Startdato').fill(inDays(21));
    await page.getByLabel('Varighed (uger)').fill('4');
    await page.getByLabel('Timer om ugen').fill('20');
    await page.getByRole('button', { name: 'Gem og offentliggør' }).click();
    await expect(page.getByRole('heading', { level: 1, name: slotTitle })).toBeVisible();
    const slotId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await logOut(page);

    // Amal says she is interested (her pages are in Arabic: the button is found by its form value).
    await logIn(page, 'candidate@demo.jobbro.dk');
    await page.goto(`/candidate/offers/${slotId}`);
    await page.locator('button[name="intent"][value="interest"]').click();
    await expect(page).toHaveURL(/done=interest/);
    await logOut(page);

    // The consultant approves her interest from the queue.
    await logIn(page, 'consultant@demo.jobbro.dk');
    await page.goto('/consultant?candidate=Amal&employerName=fjordkanten');
    await page.getByRole('checkbox', { name: `Vælg Amal Haddad til ${slotTitle}` }).check();
    await page.getByRole('button', { name: 'Godkend valgte' }).click();
    await expect(page.getByRole('status')).toContainText('1 forslag godkendt');
    await logOut(page);

    // The employer: the header counts the unread notification; the newest says which slot, without Amal's name.
    await logIn(page, 'employer@demo.jobbro.dk');
    await expect(page.getByRole('link', { name: /^Notifikationer, \d+ ulæst/ })).toBeVisible();
    await page.getByRole('link', { name: /^Notifikationer/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifikationer' })).toBeVisible();
    const newest = page.getByRole('list', { name: 'Notifikationer' }).getByRole('listitem').first();
    await expect(newest.getByRole('heading')).toContainText(`Jobcentret har godkendt en kandidat til “${slotTitle}”`);
    await expect(newest).not.toContainText('Amal');
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
    const card = page.getByRole('article', { name: `Amal Haddad – ${slotTitle}, Restaurant Fjordkanten ApS` });
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
