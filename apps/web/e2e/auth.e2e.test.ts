// Signing in with a demo account, seeing who you are in the header, and signing out.
import { expect, it } from 'vitest';
import { describeE2E, signIn, useBrowser, visible } from './browser';

interface MeBody {
  user: { name: string };
  city: { name: string } | null;
}

describeE2E('sign-in and sign-out', () => {
  const session = useBrowser();

  it('lists the demo accounts and fills the form with the one chosen', async () => {
    const { page } = session;
    await page.goto('/sign-in');
    await visible(page.getByText('Demonstration accounts'));
    await page.getByRole('button', { name: /bologna@uccn\.test/ }).click();
    expect(await page.getByLabel('Email').inputValue()).toBe('bologna@uccn.test');
    expect(
      await page.getByRole('textbox', { name: 'Password', exact: true }).inputValue(),
    ).not.toBe('');
  });

  it('explains a wrong password in words', async () => {
    const { page } = session;
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('bologna@uccn.test');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
    await visible(page.getByRole('alert').getByText('The email or password is incorrect.'));
  });

  it("shows the user's name and city in the header, then signs out", async () => {
    const { page } = session;
    await signIn(page, 'bologna@uccn.test');

    const me = await page.evaluate(async () => {
      const response = await fetch('/api/me', { credentials: 'include' });
      return (await response.json()) as MeBody;
    });
    expect(me.city?.name).toBe('Bologna');
    const account = await visible(
      page.getByRole('button', { name: `Account menu for ${me.user.name}` }),
    );
    expect(await account.textContent()).toContain(me.user.name);
    expect(await account.textContent()).toContain('Bologna');

    await account.click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await visible(page.getByRole('link', { name: 'Sign in' }));
    expect(await page.getByRole('button', { name: /Account menu/ }).count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(status).toBe(401);
  });
});
