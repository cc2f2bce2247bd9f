// Screenshot helper (kept out of git via /tmp copy); usage: node .shot.mjs <path> <name> [widths]
import { chromium } from '@playwright/test';
const [, , path, name, widthsArg, heightArg] = process.argv;
const widths = (widthsArg ?? '1920,1280,390').split(',').map(Number);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const width of widths) {
  const page = await browser.newPage({ viewport: { width, height: Number(heightArg ?? (width === 390 ? 844 : 1080)) }, locale: 'da-DK' });
  await page.goto('http://127.0.0.1:4106/login');
  await page.getByLabel('E-mail').fill('consultant@demo.jobbro.dk');
  await page.getByLabel('Adgangskode').fill('demo-jobbro-2026');
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error', m.text()); });
  await page.goto('http://127.0.0.1:4106' + path);
  await page.screenshot({ path: `/tmp/wb/${name}-${width}.png`, fullPage: process.env.FULL === '1' });
  await page.close();
}
await browser.close();
