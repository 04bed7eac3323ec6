// Two cities talk in the Gastronomy channel: a topic, a reply with a mention that arrives live,
// a live notification that opens the reply; markup and `javascript:` links stay plain text.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, signInByApi, useBrowser, visible } from './browser';

const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
/** How long a live event (a reply, a notification) may take to show in the other browser. */
const LIVE = { timeout: 8_000 };

async function screenshot(page: Page, name: string) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: `${RESULTS_DIR}discussions-${name}.png` });
}

const messages = (page: Page) => page.getByTestId('message');
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });

async function bellCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('notification-count').getAttribute('data-count'));
}

async function waitForBellAbove(page: Page, count: number) {
  await page.waitForFunction(
    (before) =>
      Number(
        document.querySelector('[data-testid="notification-count"]')?.getAttribute('data-count'),
      ) > before,
    count,
    LIVE,
  );
}

async function waitForMessage(page: Page, text: string): Promise<Locator> {
  const message = messages(page).filter({ hasText: text });
  await message.first().waitFor({ state: 'visible', ...LIVE });
  return message;
}

async function openGastronomy(page: Page) {
  await page.goto('/discussions/gastronomy');
  await visible(page.getByRole('heading', { level: 1, name: 'Gastronomy' }));
}

describeE2E('discussions', () => {
  const session = useBrowser();

  it('delivers a reply with a mention live, with a notification that opens it', {
    timeout: 120_000,
  }, async () => {
    const popayan = session.page;
    const bologna = await session.openPage();
    const dialogs: string[] = [];
    for (const page of [popayan, bologna])
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    await signInByApi(popayan, 'popayan@uccn.test');
    await signInByApi(bologna, 'bologna@uccn.test');

    // Both open the Gastronomy channel from the discussions area.
    await popayan.goto('/discussions');
    await popayan.getByRole('link', { name: /^Gastronomy/ }).click();
    await visible(popayan.getByRole('heading', { level: 1, name: 'Gastronomy' }));
    await openGastronomy(bologna);
    await screenshot(bologna, '1-channel');

    // Popayán starts a topic and lands in it.
    const title = `Street food festival · ${Date.now().toString(36).slice(-5)}`;
    await popayan.getByRole('button', { name: 'New topic' }).click();
    await popayan.getByRole('textbox', { name: 'Title' }).fill(title);
    await popayan
      .getByRole('textbox', { name: 'First message' })
      .fill('Who joins the festival in May?');
    await popayan.getByRole('button', { name: 'Start the topic' }).click();
    await popayan.waitForURL(/\/discussions\/gastronomy\/[0-9a-f-]{36}$/);
    await waitForMessage(popayan, 'Who joins the festival in May?');

    // Bologna sees the new topic appear in the list without reloading, and opens it.
    const row = bologna.getByTestId('topic-row').filter({ hasText: title });
    await row.waitFor({ state: 'visible', ...LIVE });
    await row.click();
    await waitForMessage(bologna, 'Who joins the festival in May?');
    const before = await bellCount(popayan);

    // Bologna replies, picking @Popayán from the autocomplete.
    await composer(bologna).click();
    await bologna.keyboard.type('Bologna is in, ');
    await bologna.keyboard.type('@Popay', { delay: 30 });
    // The city, not its focal point: the option reads "Popayán City".
    await bologna.getByRole('option', { name: 'Popayán City' }).click();
    await bologna.keyboard.type('see https://en.unesco.org/creative-cities for the dates.');
    expect(await composer(bologna).inputValue()).toContain('@Popayán see https://');
    await screenshot(bologna, '2-mention');
    await bologna.keyboard.press('Enter');
    await waitForMessage(bologna, 'Bologna is in');
    expect(await composer(bologna).inputValue()).toBe('');

    // Popayán sees the reply live, the mention highlighted and the link safe.
    const reply = await waitForMessage(popayan, 'Bologna is in');
    await visible(reply.locator('mark', { hasText: '@Popayán' }));
    const link = reply.getByRole('link', { name: 'https://en.unesco.org/creative-cities' });
    expect(await link.getAttribute('href')).toBe('https://en.unesco.org/creative-cities');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');

    // …and the bell counts the notification, live.
    await waitForBellAbove(popayan, before);
    await screenshot(popayan, '3-reply-and-bell');

    // Popayán leaves for the channel list, then opens the notification: back at the reply.
    await openGastronomy(popayan);
    await popayan.getByTestId('notification-bell').click();
    const notification = popayan.getByTestId('notification').filter({ hasText: title }).first();
    await notification.waitFor({ state: 'visible', ...LIVE });
    await screenshot(popayan, '4-notifications');
    await notification.click();
    await popayan.waitForURL(/\/discussions\/gastronomy\/[0-9a-f-]{36}\?message=\d+$/);
    const highlighted = popayan.locator('[data-testid="message"][data-highlighted]');
    await highlighted.waitFor({ state: 'visible', ...LIVE });
    expect(await highlighted.textContent()).toContain('Bologna is in');
    await screenshot(popayan, '5-opened-from-notification');

    // Markup and a javascript: link arrive as text, and nothing runs.
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3)';
    await composer(bologna).fill(hostile);
    await bologna.keyboard.press('Enter');
    const shown = await waitForMessage(popayan, '<script>alert(1)</script>');
    expect(await shown.getByTestId('message-body').textContent()).toBe(hostile);
    expect(await shown.locator('script, img').count()).toBe(0);
    expect(await shown.getByRole('link').count()).toBe(0);
    expect(await popayan.locator('a[href^="javascript:"]').count()).toBe(0);
    await screenshot(popayan, '6-plain-text');
    expect(dialogs).toEqual([]);
  });

  it('keeps a message written offline pending, then sends it once when the connection is back', {
    timeout: 90_000,
  }, async () => {
    const dakar = session.page;
    const kanazawa = await session.openPage();
    await signInByApi(dakar, 'dakar@uccn.test');
    await signInByApi(kanazawa, 'kanazawa@uccn.test');

    await openGastronomy(dakar);
    const title = `Offline check · ${Date.now().toString(36).slice(-5)}`;
    await dakar.getByRole('button', { name: 'New topic' }).click();
    await dakar.getByRole('textbox', { name: 'Title' }).fill(title);
    await dakar.getByRole('textbox', { name: 'First message' }).fill('Testing the connection.');
    await dakar.getByRole('button', { name: 'Start the topic' }).click();
    await dakar.waitForURL(/\/discussions\/gastronomy\/[0-9a-f-]{36}$/);
    const topicUrl = new URL(dakar.url()).pathname;
    await waitForMessage(dakar, 'Testing the connection.');
    await kanazawa.goto(topicUrl);
    await waitForMessage(kanazawa, 'Testing the connection.');

    // The network drops: the header says so, and a reply waits, greyed, on this device.
    await dakar.context().setOffline(true);
    await visible(dakar.getByTestId('connection-state').getByText('Reconnecting…'));
    await composer(dakar).fill('Written while offline.');
    await dakar.keyboard.press('Enter');
    const pending = dakar
      .getByTestId('pending-message')
      .filter({ hasText: 'Written while offline.' });
    await visible(pending.getByText('Waiting for the connection…'));
    await screenshot(dakar, '7-offline-pending');

    // Back online: the reply is stored once, for everyone, and the badge goes away.
    await dakar.context().setOffline(false);
    await waitForMessage(dakar, 'Written while offline.');
    await pending.waitFor({ state: 'detached', timeout: 15_000 });
    await waitForMessage(kanazawa, 'Written while offline.');
    await dakar.getByTestId('connection-state').waitFor({ state: 'detached' });
    expect(await messages(dakar).filter({ hasText: 'Written while offline.' }).count()).toBe(1);
    expect(await messages(kanazawa).filter({ hasText: 'Written while offline.' }).count()).toBe(1);
  });

  it('lets the Secretariat hide a message and lock a topic, live for the members', {
    timeout: 90_000,
  }, async () => {
    const montreal = session.page;
    const secretariat = await session.openPage();
    await signInByApi(montreal, 'montreal@uccn.test');
    await signInByApi(secretariat, 'secretariat@uccn.test');

    await openGastronomy(montreal);
    const title = `Moderation check · ${Date.now().toString(36).slice(-5)}`;
    await montreal.getByRole('button', { name: 'New topic' }).click();
    await montreal.getByRole('textbox', { name: 'Title' }).fill(title);
    await montreal.getByRole('textbox', { name: 'First message' }).fill('A proper question.');
    await montreal.getByRole('button', { name: 'Start the topic' }).click();
    await montreal.waitForURL(/\/discussions\/gastronomy\/[0-9a-f-]{36}$/);
    await composer(montreal).fill('Buy cheap watches now');
    await montreal.keyboard.press('Enter');
    await waitForMessage(montreal, 'Buy cheap watches now');

    // The Secretariat hides the spam with a reason; Montréal sees the reason in its place.
    await secretariat.goto(new URL(montreal.url()).pathname);
    const spam = await waitForMessage(secretariat, 'Buy cheap watches now');
    await spam.getByRole('button', { name: 'Message actions' }).click();
    await secretariat.getByRole('menuitem', { name: 'Hide message' }).click();
    await secretariat.getByRole('textbox', { name: 'Reason' }).fill('Advertising');
    await secretariat.getByRole('button', { name: 'Hide message' }).click();
    await visible(montreal.getByText('Message hidden by the Secretariat: Advertising'));
    expect(await messages(montreal).filter({ hasText: 'Buy cheap watches now' }).count()).toBe(0);

    // It locks the topic: Montréal's composer gives way to the reason, live.
    await secretariat.getByRole('button', { name: 'Lock topic' }).click();
    await visible(montreal.getByTestId('locked-banner'));
    expect(await composer(montreal).count()).toBe(0);
    await screenshot(montreal, '8-hidden-and-locked');
    await visible(secretariat.getByRole('button', { name: 'Unlock topic' }));
    expect(await composer(secretariat).count()).toBe(1);
  });

  it('saves which notifications reach the user by e-mail', async () => {
    const page = session.page;
    await signInByApi(page, 'kanazawa@uccn.test');
    await page.goto('/notifications');
    await visible(page.getByRole('heading', { level: 2, name: 'Daily e-mail digest' }));
    const mention = page.getByRole('checkbox', { name: 'Someone mentions you or your city' });
    const before = await mention.isChecked();
    await mention.click();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await visible(page.getByText('Your e-mail preferences are saved.'));
    await page.reload();
    await visible(page.getByRole('heading', { level: 2, name: 'Daily e-mail digest' }));
    expect(await mention.isChecked()).toBe(!before);
  });
});
