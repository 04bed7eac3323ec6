// Switching the interface to French, field names included, and keeping the choice.
import { expect, it } from 'vitest';
import { describeE2E, useBrowser, visible } from './browser';

describeE2E('French interface', () => {
  const session = useBrowser();

  it('shows French labels and field names, and remembers the choice', async () => {
    const { page } = session;
    await page.goto('/cities/kanazawa');
    await visible(page.getByRole('heading', { level: 1, name: 'Kanazawa' }));
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page
      .getByRole('radiogroup', { name: 'Language' })
      .getByText('FR', { exact: true })
      .click();
    await visible(page.getByRole('link', { name: 'Villes' }));
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await visible(page.getByText('Artisanat et arts populaires').first());
    await visible(page.getByText('Japon').first());
    await visible(page.getByText('Région de l’UNESCO'));

    await page.reload();
    await visible(page.getByRole('link', { name: 'Villes' }));
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
  });
});
