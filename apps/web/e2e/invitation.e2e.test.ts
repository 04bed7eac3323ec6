// A focal point invites someone, who opens the link, creates an account and is signed in.
import { expect, it } from 'vitest';
import { describeE2E, signIn, useBrowser, visible } from './browser';

describeE2E('invitations', () => {
  const session = useBrowser();

  it('lets a focal point invite a member who then joins the city', async () => {
    const { page, context } = session;
    await signIn(page, 'bologna@uccn.test');
    await page.goto('/members');
    await visible(page.getByRole('heading', { name: 'Invite someone' }));

    const email = `e2e-${Date.now()}@example.org`;
    await page.getByRole('textbox', { name: 'Email address' }).fill(email);
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = await (await visible(page.getByTestId('invite-link'))).inputValue();
    const { pathname } = new URL(link);
    expect(pathname).toMatch(/^\/invite\/.+/);

    // The invitee has a browser of their own: no cookies from the focal point.
    await context.clearCookies();
    await page.goto(pathname);
    await visible(page.getByRole('heading', { name: 'Join UCCN Collab' }));
    await visible(page.getByText(/invited you to join Bologna as a member/));
    expect(await page.getByRole('textbox', { name: 'Email' }).inputValue()).toBe(email);

    await page.getByRole('textbox', { name: 'Your name' }).fill('Ada Lovelace');
    await page.getByRole('textbox', { name: 'Choose a password' }).fill('a long passphrase');
    await page.getByRole('textbox', { name: 'Repeat the password' }).fill('a long passphrase');
    await page.getByRole('button', { name: 'Create my account' }).click();

    await page.waitForURL('**/cities/bologna');
    const account = await visible(
      page.getByRole('button', { name: 'Account menu for Ada Lovelace' }),
    );
    expect(await account.textContent()).toContain('Bologna');
  });

  it('explains an invitation link that does not exist', async () => {
    const { page } = session;
    await page.goto('/invite/not-a-real-token');
    await visible(page.getByRole('heading', { name: 'Invitation unavailable' }));
  });
});
