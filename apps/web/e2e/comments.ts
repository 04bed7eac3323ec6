// Comments in the e2e tests: select a passage of the live text, comment on it, find a thread.
import type { Locator, Page } from 'playwright-core';

/** How long a comment may take to reach another person's page. */
const LIVE = { timeout: 8_000 };

/**
 * Selects `text` in the document's body, as a drag of the mouse over it would, in an editable
 * or a read-only editor alike (the editor reads the browser's selection).
 */
export async function selectText(page: Page, text: string): Promise<void> {
  const body = page.getByTestId('document-body');
  await body
    .getByText(text)
    .first()
    .waitFor({ state: 'visible', ...LIVE });
  if ((await body.getAttribute('contenteditable')) === 'true') await body.focus();
  const found = await body.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const start = node.textContent?.indexOf(wanted) ?? -1;
      if (start < 0) continue;
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    }
    return false;
  }, text);
  if (!found) throw new Error(`"${text}" is not in one text node of the document`);
}

/** Selects `quote`, presses "Comment" in the comments panel, writes `body` and sends it. */
export async function addComment(page: Page, quote: string, body: string): Promise<void> {
  await selectText(page, quote);
  const add = page.getByTestId('comment-add');
  await add.and(page.locator(':enabled')).waitFor(LIVE);
  await add.click();
  const draft = page.getByTestId('comment-draft');
  await draft.getByText(quote).waitFor(LIVE);
  await draft.getByRole('textbox').fill(body);
  await draft.getByRole('button', { name: 'Comment', exact: true }).click();
  await draft.waitFor({ state: 'detached', ...LIVE });
}

/** The thread in the comments panel whose comments include `text`. */
export function threadWith(page: Page, text: string): Locator {
  return page.getByTestId('comments-panel').getByTestId('comment-thread').filter({ hasText: text });
}

/** The text marked in the editor for the thread that holds `text`. */
export async function markOf(page: Page, text: string): Promise<Locator> {
  const thread = threadWith(page, text);
  await thread.waitFor({ state: 'visible', ...LIVE });
  const id = await thread.getAttribute('data-thread-id');
  return page.getByTestId('document-body').locator(`.uccn-comment[data-comment-id="${id}"]`);
}
