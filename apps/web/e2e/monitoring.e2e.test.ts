// The Secretariat opens the monitoring view (the network canvas, both heatmaps, who is live now and
// the measures), grants official support to a demo initiative with a note, and a signed-out
// visitor finds it on the showcase. A city's new initiative with a partner abroad goes the same
// way and becomes an edge of the network, seen in the city panel and on the city's page.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { baseUrl, describeE2E, signInByApi, useBrowser, visible } from './browser';

const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
const SECRETARIAT = 'secretariat@uccn.test';
/** A demo initiative with partners abroad and no support yet. */
const ELIGIBLE = '[Demo] Open designs for protective gear';
/** A one-city demo initiative: support cannot be granted. */
const SINGLE_CITY = '[Demo] Emergency fund for local musicians';
const NOTE = 'E2E: open designs shared by cities of three regions.';

async function screenshot(page: Page, name: string, fullPage = true) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: `${RESULTS_DIR}monitoring-${name}.png`, fullPage });
}

/** Creates a document as the page's user and opens it, so that they are live in it. */
async function openNewDocument(page: Page, title: string) {
  const response = await page.request.post('/api/documents', {
    data: { title },
    headers: { Origin: baseUrl ?? '' },
  });
  expect(response.status()).toBe(201);
  const { document } = (await response.json()) as { document: { id: string } };
  await page.goto(`/documents/${document.id}`);
  await visible(page.getByTestId('document-body'));
}

/** How many initiatives the network counts between two cities (the Secretariat's page). */
async function initiativesBetween(page: Page, a: string, b: string): Promise<number> {
  const response = await page.request.get('/api/monitoring/graph');
  expect(response.status()).toBe(200);
  const { edges } = (await response.json()) as {
    edges: { source: string; target: string; initiatives: number }[];
  };
  const edge = edges.find(
    (e) => (e.source === a && e.target === b) || (e.source === b && e.target === a),
  );
  return edge?.initiatives ?? 0;
}

async function openInitiative(page: Page, title: string) {
  await page.goto('/initiatives');
  await page.getByRole('link', { name: title, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: title }));
}

describeE2E('monitoring, official support and the showcase', () => {
  const session = useBrowser();

  it('shows the Secretariat the network, both heatmaps, who is live now, the measures and the reports', async () => {
    const { page } = session;
    const bologna = await session.openPage();
    await signInByApi(bologna, 'bologna@uccn.test');
    const title = `Live festival plan · ${Date.now().toString(36).slice(-4)}`;
    await openNewDocument(bologna, title);

    await signInByApi(page, SECRETARIAT);
    await page.goto('/monitoring');
    await visible(page.locator('[data-testid="network-graph"] canvas'));
    const measures = await visible(page.getByTestId('measures'));
    expect(await measures.textContent()).toContain('International');
    const regions = await visible(page.getByTestId('region-heatmap'));
    expect(await regions.textContent()).toContain('Cooperation between regions');
    await visible(page.getByTestId('region-heatmap-weakest'));
    const fields = await visible(page.getByTestId('field-heatmap'));
    expect(await fields.textContent()).toContain('Cooperation between fields');
    await visible(page.getByTestId('field-heatmap-weakest'));

    // Bologna's open document is listed live, with its city, and the title counts them.
    const live = await visible(page.getByTestId('live-now'));
    await visible(live.getByRole('link', { name: title }));
    await visible(live.getByTestId('live-cities').getByText(/^Bologna · \d+$/));
    expect(await live.getByRole('heading', { name: /^Live now \(\d+\)$/ }).count()).toBe(1);
    await visible(page.getByRole('button', { name: 'Print report' }));
    expect(await page.getByTestId('csv-link').count()).toBeGreaterThan(4);
    await visible(page.getByRole('heading', { name: 'Membership Monitoring Reports' }));
    await page.waitForTimeout(500);
    await screenshot(page, 'secretariat');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'secretariat-screen', false);

    // Printed, it is a report: no navigation, buttons or download links.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print report' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Monitoring' }).isVisible()).toBe(false);
    expect(await page.getByTestId('csv-link').first().isVisible()).toBe(false);
    await visible(page.getByTestId('field-heatmap'));
    await screenshot(page, 'print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('tells a city member that monitoring is for the Secretariat', async () => {
    const { page } = session;
    await signInByApi(page, 'bologna@uccn.test');
    await page.goto('/monitoring');
    await visible(page.getByText('Secretariat only'));
    expect(await page.locator('[data-testid="network-graph"]').count()).toBe(0);
  });

  it('lets the Secretariat grant support with a note, not to a one-city initiative', async () => {
    const { page } = session;
    await signInByApi(page, SECRETARIAT);

    await openInitiative(page, SINGLE_CITY);
    await visible(page.getByTestId('support-blocked'));
    expect(await page.getByRole('button', { name: 'Grant official support' }).isDisabled()).toBe(
      true,
    );

    await openInitiative(page, ELIGIBLE);
    expect(await page.getByTestId('support-state').textContent()).toBe('No official support');
    await page.getByRole('button', { name: 'Grant official support' }).click();
    await visible(page.getByText('Write a note explaining the decision.'));
    await page.getByLabel('Decision note').fill(NOTE);
    await page.getByRole('button', { name: 'Grant official support' }).click();
    await page
      .locator('[data-testid="support-state"]', { hasText: 'Officially supported' })
      .waitFor();
    await visible(page.getByTestId('support-history').getByText(NOTE));
    await visible(page.getByRole('button', { name: 'Withdraw official support' }));
    await screenshot(page, 'granted');
  });

  it('shows a signed-out visitor the supported initiative on the showcase', async () => {
    const { page } = session;
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'See the network’s public showcase' }).click();
    await page.waitForURL('**/showcase');
    const card = page.getByTestId('showcase-initiative').filter({ hasText: ELIGIBLE });
    await visible(card);
    expect(await card.textContent()).not.toContain(NOTE);
    await visible(page.locator('svg a').first());
    await screenshot(page, 'showcase');
  });

  it('turns a city initiative with a partner abroad into a supported, public edge of the network', async () => {
    const { page } = session;
    await signInByApi(page, SECRETARIAT);
    const before = await initiativesBetween(page, 'popayan', 'sharjah');

    // Popayán shares an initiative with Sharjah from the UI.
    const popayan = await session.openPage();
    await signInByApi(popayan, 'popayan@uccn.test');
    await popayan.goto('/initiatives');
    await popayan.getByRole('button', { name: 'New initiative' }).click();
    const title = `Craft and gastronomy residencies · ${Date.now().toString(36).slice(-4)}`;
    await popayan.getByRole('textbox', { name: 'Title' }).fill(title);
    await popayan.getByRole('textbox', { name: 'Description' }).fill('Residencies in both cities.');
    await popayan.getByRole('combobox', { name: 'Partner cities', exact: true }).fill('Sharjah');
    await popayan.getByRole('option', { name: /^Sharjah/ }).click();
    await popayan.getByRole('button', { name: 'Share the initiative' }).click();
    await popayan.waitForURL(/\/initiatives\/[0-9a-f-]{36}$/);
    await visible(popayan.getByRole('heading', { level: 1, name: title }));
    const path = new URL(popayan.url()).pathname;

    // The Secretariat grants official support with a note.
    await page.goto(path);
    await page.getByRole('button', { name: 'Grant official support' }).click();
    await page.getByLabel('Decision note').fill('E2E: a residency shared across two regions.');
    await page.getByRole('button', { name: 'Grant official support' }).click();
    await page
      .locator('[data-testid="support-state"]', { hasText: 'Officially supported' })
      .waitFor();

    // A signed-out visitor sees it on the showcase.
    const visitor = await session.openPage();
    await visitor.goto('/showcase');
    await visible(visitor.getByTestId('showcase-initiative').filter({ hasText: title }));

    // The network has one more initiative between the two cities, and the city panel says so.
    expect(await initiativesBetween(page, 'popayan', 'sharjah')).toBe(before + 1);
    await page.goto('/monitoring');
    await visible(page.locator('[data-testid="network-graph"] canvas'));
    await page.getByRole('combobox', { name: 'City', exact: true }).fill('Popay');
    await page.getByRole('option', { name: 'Popayán' }).click();
    const panel = await visible(page.getByTestId('city-cooperation'));
    await visible(panel.getByTestId('city-partner').filter({ hasText: 'Sharjah' }));
    await visible(panel.getByRole('link', { name: title }));
    await page.waitForTimeout(500); // the drawer slides in
    await screenshot(page, 'city-panel', false);
    await page.keyboard.press('Escape');
    const charts = await visible(page.getByTestId('activity-charts'));
    await visible(charts.getByRole('heading', { name: 'Proposals per year, by status' }));
    await visible(charts.getByRole('heading', { name: 'Messages per channel' }));
    expect(await charts.getByTestId('csv-link').count()).toBe(2);

    // Popayán's page shows the Secretariat its report schedule, partners and initiatives.
    await page.goto('/cities/popayan');
    await visible(page.getByTestId('city-report'));
    const cooperation = await visible(page.getByTestId('city-cooperation'));
    await visible(cooperation.getByTestId('city-partner').filter({ hasText: 'Sharjah' }));
    await visible(cooperation.getByRole('link', { name: title }));
    await visible(page.getByRole('button', { name: 'Record as received' }));
    await page.getByTestId('city-report').scrollIntoViewIfNeeded();
    await screenshot(page, 'city-page', false);
  });
});
