// Two cities write one document live; a third is refused; a named version is restored for all;
// the third, once it may read, comments and the others see it live.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, signInByApi, useBrowser, visible } from './browser';
import { addComment, markOf, threadWith } from './comments';

const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
/** How long another person's edit, caret or a save may take to show. */
const LIVE = { timeout: 8_000 };

async function screenshot(page: Page, name: string) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: `${RESULTS_DIR}documents-${name}.png` });
}

const body = (page: Page) => page.getByTestId('document-body');

/** Waits until the locator's text contains `text` (polling, as edits arrive asynchronously). */
async function waitForText(locator: Locator, text: string, timeout = LIVE.timeout) {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
}

async function waitForSaved(page: Page) {
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor(LIVE);
  expect(await page.getByTestId('save-state').textContent()).toBe('Saved');
}

/** Types at the end of the document, on a new line when it is not empty. */
async function typeAtEnd(page: Page, text: string) {
  const editor = body(page);
  await editor.click();
  await page.keyboard.press('Control+End');
  // A remote update landing right after the click can reset the selection: go to the end again.
  await page.waitForTimeout(150);
  await page.keyboard.press('Control+End');
  if (((await editor.textContent()) ?? '').trim() !== '') await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 15 });
}

describeE2E('shared documents', () => {
  const session = useBrowser();

  it('lets two cities write together, refuses a third, and restores a version for everyone', {
    timeout: 150_000,
  }, async () => {
    const bologna = session.page;
    const kanazawa = await session.openPage();
    const dakar = await session.openPage();
    await signInByApi(bologna, 'bologna@uccn.test');
    await signInByApi(kanazawa, 'kanazawa@uccn.test');
    await signInByApi(dakar, 'dakar@uccn.test');

    // Bologna creates a document shared with Kanazawa for writing, and lands in it.
    await bologna.goto('/documents');
    await visible(bologna.getByRole('heading', { level: 1, name: 'Documents' }));
    await bologna.getByRole('button', { name: 'New document' }).click();
    const title = `Creative economy forum · ${Date.now().toString(36).slice(-4)}`;
    await bologna.getByRole('textbox', { name: 'Title' }).fill(title);
    await bologna.getByRole('combobox', { name: 'Share with a city' }).fill('Kanazawa');
    await bologna.getByRole('option', { name: /^Kanazawa/ }).click();
    await visible(bologna.getByRole('listitem').filter({ hasText: 'Kanazawa' }));
    await screenshot(bologna, '1-new-document');
    await bologna.getByRole('button', { name: 'Create and open' }).click();
    await bologna.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    const url = new URL(bologna.url()).pathname;
    await visible(body(bologna));
    await waitForSaved(bologna);

    // Kanazawa opens it from the list.
    await kanazawa.goto('/documents');
    await visible(kanazawa.getByRole('link', { name: title }));
    await screenshot(kanazawa, '2-list');
    await kanazawa.getByRole('link', { name: title }).click();
    await kanazawa.waitForURL(`**${url}`);
    await visible(body(kanazawa));

    // Both type; each sees the other's text and named caret.
    await typeAtEnd(bologna, 'Bologna proposes the agenda of the forum.');
    await waitForText(body(kanazawa), 'Bologna proposes the agenda of the forum.');
    await typeAtEnd(kanazawa, 'Kanazawa adds a session on crafts.');
    await waitForText(body(bologna), 'Kanazawa adds a session on crafts.');
    await waitForText(bologna.locator('.collaboration-carets__label'), 'Kanazawa focal point');
    await waitForText(kanazawa.locator('.collaboration-carets__label'), 'Bologna focal point');
    await visible(bologna.getByTestId('presence').getByLabel(/Kanazawa focal point · Kanazawa/));
    await waitForSaved(bologna);
    await waitForSaved(kanazawa);
    await screenshot(bologna, '3-bologna-editing');
    await screenshot(kanazawa, '4-kanazawa-editing');

    // Dakar's city has no access: a refusal, not an editor.
    await dakar.goto(url);
    await visible(dakar.getByRole('heading', { level: 1, name: 'You cannot open this document' }));
    await visible(dakar.getByText(/not shared with Dakar/));
    expect(await body(dakar).count()).toBe(0);
    await screenshot(dakar, '5-dakar-refused');

    // Bologna saves a named version, then replaces the text.
    await bologna.getByRole('button', { name: 'History' }).click();
    await bologna.getByRole('textbox', { name: 'Name of the version' }).fill('Agenda v1');
    await bologna.getByRole('button', { name: 'Save a version' }).click();
    await visible(bologna.getByTestId('version').filter({ hasText: 'Agenda v1' }));
    await screenshot(bologna, '6-history');
    await bologna.keyboard.press('Escape');
    await body(bologna).click();
    await bologna.keyboard.press('Control+A');
    await bologna.keyboard.type('Bologna proposes that the forum is cancelled.', { delay: 15 });
    await waitForText(body(kanazawa), 'Bologna proposes that the forum is cancelled.');
    await waitForSaved(bologna);
    expect(await body(kanazawa).textContent()).not.toContain('Kanazawa adds a session');

    // Bologna views the version, restores it, and Kanazawa sees the restored text at once.
    await bologna.getByRole('button', { name: 'History' }).click();
    await bologna.getByRole('button', { name: 'View Agenda v1' }).click();
    const preview = bologna.getByTestId('version-body');
    await waitForText(preview, 'Kanazawa adds a session on crafts.');
    await bologna.waitForTimeout(400); // the modal's opening transition
    await screenshot(bologna, '7-version-preview');

    // Side by side: the version and the text as it is now; then the difference, word by word.
    const dialog = bologna.getByRole('dialog');
    await dialog.getByText('Side by side', { exact: true }).click();
    await waitForText(bologna.getByTestId('current-body'), 'that the forum is cancelled.');
    await waitForText(preview, 'Kanazawa adds a session on crafts.');
    await bologna.waitForTimeout(300); // the segmented control's transition
    await screenshot(bologna, '7b-version-side-by-side');
    await dialog.getByText('Difference', { exact: true }).click();
    const diff = bologna.getByTestId('version-diff');
    await visible(diff.locator('ins', { hasText: 'cancelled' }));
    await visible(diff.locator('del', { hasText: 'agenda' }));
    await visible(diff.locator('del', { hasText: 'Kanazawa adds a session on crafts.' }));
    expect(await diff.locator('del', { hasText: 'cancelled' }).count()).toBe(0);
    expect(await diff.locator('ins', { hasText: 'agenda' }).count()).toBe(0);
    await bologna.waitForTimeout(300); // the segmented control's transition
    await screenshot(bologna, '7c-version-difference');
    await bologna.getByRole('button', { name: 'Restore this version' }).click();
    await bologna.getByRole('button', { name: 'Restore', exact: true }).click();
    await waitForText(body(kanazawa), 'Kanazawa adds a session on crafts.');
    await waitForText(body(kanazawa), 'Bologna proposes the agenda of the forum.');
    expect(await body(kanazawa).textContent()).not.toContain(
      'Bologna proposes that the forum is cancelled.',
    );
    await waitForText(body(bologna), 'Kanazawa adds a session on crafts.');
    await screenshot(kanazawa, '8-kanazawa-after-restore');

    // Bologna shares the document with Dakar for reading: Dakar sees it live, read-only.
    await bologna.keyboard.press('Escape');
    await bologna.getByRole('button', { name: 'Share', exact: true }).click();
    await bologna.getByRole('combobox', { name: 'Share with a city' }).fill('Dakar');
    await bologna.getByRole('option', { name: /^Dakar/ }).click();
    const dakarRow = bologna.getByRole('listitem').filter({ hasText: 'Dakar' });
    await dakarRow.getByText('Can read').click();
    await bologna.waitForTimeout(300); // the segmented control's transition
    await screenshot(bologna, '9-share');
    await bologna.getByRole('button', { name: 'Save sharing' }).click();
    await visible(bologna.getByText(/Shared with .*Dakar \(reads\)/));

    await dakar.goto(url);
    await visible(dakar.getByText('You can read this document; your city cannot edit it.'));
    await waitForText(body(dakar), 'Kanazawa adds a session on crafts.');
    expect(await body(dakar).getAttribute('contenteditable')).toBe('false');
    expect(await dakar.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    await visible(dakar.getByTestId('save-state').getByText('Following live'));
    await typeAtEnd(kanazawa, 'Dakar is welcome to read along.');
    await waitForText(body(dakar), 'Dakar is welcome to read along.');
    await screenshot(dakar, '10-dakar-read-only');

    // Dakar may only read, but comments; Kanazawa sees the comment and its mark live.
    const comment = 'Dakar would like to join the crafts session.';
    await addComment(dakar, 'a session on crafts', comment);
    await visible(threadWith(kanazawa, comment));
    await waitForText(await markOf(kanazawa, comment), 'a session on crafts');
    await screenshot(kanazawa, '11-kanazawa-sees-comment');
  });
});
