// Two cities write a joint proposal live and comment on it; a third cannot open it; the lead
// submits and both editors turn read-only; the Secretariat comments, then returns it with a note
// that shows in the history; the proposal downloads as Markdown. Milestones and targets set in
// "Edit details" show in the details; the list pins the proposal's cities on a small map.
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, signInByApi, useBrowser, visible } from './browser';
import { addComment, markOf, threadWith } from './comments';

const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
/** How long a save, a status change or a reconnection may take to show. */
const LIVE = { timeout: 8_000 };
/** How long the other person's text and caret may take once typed: the issue asks for a second. */
const AT_ONCE = 1_000;

async function screenshot(page: Page, name: string) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: `${RESULTS_DIR}proposals-${name}.png` });
}

const body = (page: Page) => page.getByTestId('document-body');
const dialog = (page: Page) => page.getByRole('dialog');

async function waitForText(locator: Locator, text: string, timeout = LIVE.timeout) {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
}

async function waitForSaved(page: Page) {
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor(LIVE);
  expect(await page.getByTestId('save-state').textContent()).toBe('Saved');
}

/** Switches the side column between the overview and the comments. */
async function sideTab(page: Page, name: 'Overview' | 'Comments') {
  const tab = page.getByRole('tab', { name: new RegExp(`^${name}`) });
  await tab.click();
  await page.locator('[role="tab"][aria-selected="true"]').filter({ hasText: name }).waitFor();
}

async function waitForEditable(page: Page, editable: boolean) {
  await page
    .locator(`[data-testid="document-body"][contenteditable="${editable}"]`)
    .waitFor({ state: 'visible', ...LIVE });
}

/** Types in the empty paragraph under one of the template's section headings. */
async function typeInSection(page: Page, section: string, text: string) {
  const paragraph = body(page).locator(
    `xpath=.//h2[normalize-space()="${section}"]/following-sibling::p[1]`,
  );
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 15 });
}

/** Clicks a workflow button, then the same action in its confirmation dialog. */
async function move(page: Page, action: string, note?: string) {
  await page.getByRole('button', { name: action, exact: true }).first().click();
  const modal = dialog(page);
  await visible(modal);
  if (note !== undefined) await modal.getByRole('textbox').fill(note);
  await modal.getByRole('button', { name: action, exact: true }).click();
  await modal.waitFor({ state: 'detached', ...LIVE });
}

describeE2E('proposals', () => {
  const session = useBrowser();

  it('lets two cities write a proposal live, refuses a third, and runs it to the Secretariat and back', {
    timeout: 180_000,
  }, async () => {
    const bologna = session.page;
    const kanazawa = await session.openPage();
    const dakar = await session.openPage();
    const secretariat = await session.openPage();
    await signInByApi(bologna, 'bologna@uccn.test');
    await signInByApi(kanazawa, 'kanazawa@uccn.test');
    await signInByApi(dakar, 'dakar@uccn.test');
    await signInByApi(secretariat, 'secretariat@uccn.test');

    // Bologna starts a proposal from the list: SDG 11 is already chosen, as is its own field.
    await bologna.goto('/proposals');
    await visible(bologna.getByRole('heading', { level: 1, name: 'Proposals' }));
    await bologna.getByRole('button', { name: 'New proposal' }).first().click();
    const title = `Crafts and music for resilient neighbourhoods · ${Date.now().toString(36).slice(-4)}`;
    const modal = dialog(bologna);
    await modal.getByRole('textbox', { name: 'Title' }).fill(title);
    await modal
      .getByRole('textbox', { name: 'Summary' })
      .fill('Bologna and its partners open workshops where musicians and artisans teach together.');
    await visible(modal.getByText('11 · Sustainable cities and communities'));
    await modal.getByRole('textbox', { name: 'Budget' }).fill('120000');
    await modal.getByLabel('Start date').fill('2027-03-01');
    await modal.getByLabel('End date').fill('2027-12-31');
    await screenshot(bologna, '1-new-proposal');
    await modal.getByRole('button', { name: 'Create and open' }).click();
    await bologna.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    const url = new URL(bologna.url()).pathname;
    await visible(bologna.getByRole('heading', { level: 1, name: title }));
    await waitForText(body(bologna), 'Expected impact and SDGs');
    await waitForEditable(bologna, true);

    // Edit details: a target under SDG 11 and a milestone; both show in the details panel.
    const details = bologna.getByRole('region', { name: 'Details' });
    await details.getByRole('button', { name: 'Edit' }).click();
    const editor = dialog(bologna);
    await editor.getByLabel('SDG targets', { exact: true }).fill('11.4');
    await bologna.getByRole('option', { name: /^11\.4 — / }).click();
    await editor.getByRole('button', { name: 'Add a milestone' }).click();
    await editor
      .getByRole('textbox', { name: 'Milestone 1', exact: true })
      .fill('First joint workshop');
    await editor.getByLabel('Date of milestone 1').fill('2027-04-15');
    await screenshot(bologna, '1a-edit-details');
    await editor.getByRole('button', { name: 'Save details' }).click();
    await editor.waitFor({ state: 'detached', ...LIVE });
    await visible(details.getByTestId('milestone').filter({ hasText: 'First joint workshop' }));
    await visible(details.getByTestId('milestone').getByText('Apr 15, 2027'));
    await visible(details.getByTestId('sdg-targets').getByText('11.4'));
    await details.scrollIntoViewIfNeeded();
    await screenshot(bologna, '1b-details-panel');

    // Bologna invites Kanazawa from the Cities panel.
    await bologna.getByRole('combobox', { name: 'Invite a partner city' }).fill('Kanazawa');
    await bologna.getByRole('option', { name: /^Kanazawa/ }).click();
    await bologna.getByRole('button', { name: 'Invite', exact: true }).click();
    const kanazawaRow = (page: Page) =>
      page.locator('[data-testid="partner-row"][data-city="kanazawa"]');
    await visible(kanazawaRow(bologna).getByText('Invited'));

    // Kanazawa's focal point reads the draft, then accepts; its editor opens for writing.
    await kanazawa.goto(url);
    await visible(kanazawa.getByTestId('read-only-notice'));
    await waitForEditable(kanazawa, false);
    await screenshot(kanazawa, '2-kanazawa-invited');
    await kanazawaRow(kanazawa).getByRole('button', { name: 'Accept' }).click();
    await dialog(kanazawa).getByRole('button', { name: 'Accept' }).click();
    await waitForEditable(kanazawa, true);
    await visible(kanazawaRow(kanazawa).getByText('Partner'));
    await visible(kanazawa.getByText('International'));

    // Both type at once, in different sections; each sees the other's text and named caret.
    const fromBologna = 'Bologna brings its music archive and the city orchestra.';
    const fromKanazawa = 'Kanazawa brings gold-leaf artisans and lacquer workshops.';
    await Promise.all([
      typeInSection(bologna, 'Context', fromBologna),
      typeInSection(kanazawa, 'Activities', fromKanazawa),
    ]);
    await waitForText(body(kanazawa), fromBologna, AT_ONCE);
    await waitForText(body(bologna), fromKanazawa, AT_ONCE);
    await waitForText(
      bologna.locator('.collaboration-carets__label'),
      'Kanazawa focal point',
      AT_ONCE,
    );
    await waitForText(
      kanazawa.locator('.collaboration-carets__label'),
      'Bologna focal point',
      AT_ONCE,
    );
    await visible(bologna.getByTestId('presence').getByLabel(/Kanazawa focal point · Kanazawa/));
    await waitForSaved(bologna);
    await waitForSaved(kanazawa);
    await screenshot(bologna, '3-bologna-writing');
    await screenshot(kanazawa, '4-kanazawa-writing');

    // With both in the draft, Bologna comments on a passage; Kanazawa sees it come, marked.
    await sideTab(bologna, 'Comments');
    await sideTab(kanazawa, 'Comments');
    await visible(
      kanazawa.getByTestId('comments-panel').getByText('No comments yet.', { exact: false }),
    );
    const bolognaComment = 'Could the orchestra also play in the lacquer workshops?';
    await addComment(bologna, 'music archive and the city orchestra', bolognaComment);
    await visible(threadWith(kanazawa, bolognaComment));
    await waitForText(
      await markOf(kanazawa, bolognaComment),
      'music archive and the city orchestra',
    );
    await visible(kanazawa.getByRole('tab', { name: /^Comments/ }).getByText('1', { exact: true }));
    await screenshot(bologna, '4a-bologna-comment');
    await screenshot(kanazawa, '4b-kanazawa-sees-comment');
    await sideTab(bologna, 'Overview');

    // Dakar is not one of its cities: the proposal is not found, and no editor opens.
    await dakar.goto(url);
    await visible(dakar.getByRole('heading', { level: 1, name: 'Proposal not found' }));
    await visible(dakar.getByText('This proposal does not exist, or it is not shared with Dakar.'));
    expect(await body(dakar).count()).toBe(0);
    await screenshot(dakar, '5-dakar-refused');

    // Bologna submits: both editors turn read-only and say why.
    await move(bologna, 'Submit to the Secretariat');
    for (const page of [bologna, kanazawa]) {
      await waitForEditable(page, false);
      await visible(page.getByTestId('read-only-notice').getByText('Submitted — read-only'));
      expect(await page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    }
    await waitForText(body(kanazawa), fromBologna);
    await screenshot(kanazawa, '6-kanazawa-submitted');

    // The Secretariat starts the review, then returns it; a return needs a note.
    await secretariat.goto(url);
    await waitForText(body(secretariat), fromKanazawa);

    // The Secretariat cannot edit the submitted text, but comments on it; Kanazawa sees it live.
    await waitForEditable(secretariat, false);
    await sideTab(secretariat, 'Comments');
    await visible(threadWith(secretariat, bolognaComment));
    const secretariatComment = 'Please say how many artisans take part each month.';
    await addComment(secretariat, 'gold-leaf artisans', secretariatComment);
    await waitForText(await markOf(secretariat, secretariatComment), 'gold-leaf artisans');
    await visible(threadWith(kanazawa, secretariatComment));
    await screenshot(secretariat, '6a-secretariat-comment');
    await sideTab(secretariat, 'Overview');
    await move(secretariat, 'Start review');
    await visible(secretariat.getByTestId('proposal-status').getByText('Under review'));
    await secretariat.getByRole('button', { name: 'Return for changes', exact: true }).click();
    await dialog(secretariat).getByRole('button', { name: 'Return for changes' }).click();
    await visible(dialog(secretariat).getByText('Write a note: the cities need to know why.'));
    const note = 'Please add a budget line per city and a timeline for the workshops.';
    await dialog(secretariat).getByRole('textbox').fill(note);
    await screenshot(secretariat, '7-return-with-note');
    await dialog(secretariat).getByRole('button', { name: 'Return for changes' }).click();
    await waitForText(secretariat.getByTestId('history-entry'), note);
    await secretariat.getByTestId('history-entry').last().scrollIntoViewIfNeeded();
    await screenshot(secretariat, '8-secretariat-history');

    // Bologna sees the note in the history, and its editor opens again.
    await bologna.reload();
    await waitForText(bologna.getByTestId('history-entry'), note);
    await visible(bologna.getByTestId('decision-note').getByText(note));
    await visible(bologna.getByTestId('proposal-status').getByText('Returned for changes'));
    await waitForEditable(bologna, true);
    await screenshot(bologna, '9-bologna-returned');

    // Export → Markdown downloads the proposal, title first.
    await bologna.getByRole('button', { name: 'Export' }).click();
    const markdown = bologna.getByRole('menuitem', { name: 'Markdown (.md)' });
    await visible(markdown);
    await bologna.waitForTimeout(300); // the menu's opening transition
    await screenshot(bologna, '9a-export-menu');
    const [download] = await Promise.all([bologna.waitForEvent('download'), markdown.click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const exported = await readFile(await download.path(), 'utf8');
    expect(exported).toContain(title);
    expect(exported).toContain(fromKanazawa);

    // The proposal's discussion channel is one click away.
    await bologna.getByRole('button', { name: 'Discussion' }).click();
    await bologna.waitForURL(/\/discussions\/[^/]+$/);
    await visible(bologna.getByRole('heading', { level: 1, name: title }));

    // In French, the page speaks French.
    await bologna.evaluate(() => localStorage.setItem('uccn.language', 'fr'));
    await bologna.goto(url);
    await visible(bologna.getByTestId('proposal-status').getByText('Renvoyée pour modifications'));
    await visible(bologna.getByRole('heading', { level: 2, name: 'Prochaines étapes' }));
    await waitForText(body(bologna), fromKanazawa);
    await visible(bologna.locator('figure svg'));
    await screenshot(bologna, '10-bologna-french');
    await bologna.evaluate(() => localStorage.setItem('uccn.language', 'en'));

    // The list shows it under Bologna's proposals, with its partner and markers.
    await bologna.goto('/proposals');
    const row = bologna.getByTestId('proposal-row').filter({ hasText: title });
    // Exact: the row's map also names Kanazawa, in an SVG <title> that is never visible.
    await visible(row.getByText('Kanazawa', { exact: true }));
    await visible(row.getByText('Returned for changes'));
    // Its lead and accepted partner are pinned on the row's small map.
    const map = row.getByTestId('partner-map');
    await visible(map);
    expect(await map.getAttribute('aria-label')).toBe(
      'Map of the cities: Bologna (lead), Kanazawa',
    );
    await map.locator('circle[data-city="kanazawa"]').waitFor(LIVE);
    expect(await map.locator('circle').count()).toBe(2);
    await screenshot(bologna, '11-list');
  });
});
