// Finding a city in the directory and opening its page.
import { expect, it } from 'vitest';
import { describeE2E, useBrowser, visible } from './browser';

describeE2E('city directory', () => {
  const session = useBrowser();

  it('finds Kanazawa by name and opens its page', async () => {
    const { page } = session;
    await page.goto('/cities');
    await visible(page.getByRole('heading', { level: 1, name: 'Member cities' }));
    await visible(page.getByTestId('city-count').getByText(/\d+ cities/));

    await page.getByRole('searchbox', { name: 'Search' }).fill('Kanazawa');
    await visible(page.getByTestId('city-count').getByText('1 city'));
    expect(new URL(page.url()).searchParams.get('q')).toBe('Kanazawa');
    // The map shows the city too, as a link of its own.
    await visible(page.getByRole('link', { name: 'Kanazawa, Japan' }));

    await page.getByRole('table').getByRole('link', { name: 'Kanazawa' }).click();
    await page.waitForURL('**/cities/kanazawa');
    await visible(page.getByRole('heading', { level: 1, name: 'Kanazawa' }));
    await visible(page.getByText('Japan').first());
    const unesco = page.getByRole('link', { name: /UNESCO website/ });
    expect(await unesco.getAttribute('href')).toMatch(/unesco\.org\/.*kanazawa/);
  });

  it('keeps filters in the address, so a filtered list can be shared', async () => {
    const { page } = session;
    await page.goto('/cities?field=gastronomy&country=JP');
    await visible(page.getByTestId('city-count').getByText(/\d+ cit(y|ies)/));
    const rows = page.getByRole('table').getByRole('row');
    await visible(rows.nth(1));
    const fields = await page
      .getByRole('table')
      .locator('tbody tr td:nth-child(3)')
      .allTextContents();
    expect(fields.length).toBeGreaterThan(0);
    expect(new Set(fields)).toEqual(new Set(['Gastronomy']));
  });
});
