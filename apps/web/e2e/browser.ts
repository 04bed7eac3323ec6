// Shared harness of the e2e tests: Debian's Chromium, a fresh context per test, and a
// screenshot plus the page's errors in apps/web/test-results/ when a test fails.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';

/** The app under test, e.g. `http://127.0.0.1:8080`; the tests skip when it is not set. */
export const baseUrl = process.env.E2E_BASE_URL?.replace(/\/$/, '') || undefined;

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));

if (!baseUrl) {
  console.warn(
    '[e2e] E2E_BASE_URL is not set: browser tests are skipped. Start the server and run ' +
      '`E2E_BASE_URL=http://127.0.0.1:8080 vitest run --config apps/web/vitest.e2e.config.ts`.',
  );
}

/** `describe` that skips, with the reason in its name, when there is no server to test. */
export function describeE2E(name: string, body: () => void): void {
  if (baseUrl) describe(name, body);
  else describe.skip(`${name} (skipped: E2E_BASE_URL is not set)`, body);
}

export interface BrowserSession {
  /** The current test's page, in a context of its own (no cookies from other tests). */
  readonly page: Page;
  readonly context: BrowserContext;
  /** Another person's browser for this test: a page in a fresh context, closed after the test. */
  openPage: () => Promise<Page>;
}

/** Launches Chromium for the enclosing `describe` and opens a fresh page for each test. */
export function useBrowser(options: { locale?: string } = {}): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let extraPages: Page[] = [];
  let pageErrors: string[] = [];

  const newPage = async () => {
    if (!browser) throw new Error('Chromium did not start');
    const created = await browser.newContext({
      baseURL: baseUrl,
      locale: options.locale ?? 'en-GB',
      viewport: { width: 1280, height: 900 },
    });
    created.setDefaultTimeout(10_000);
    const opened = await created.newPage();
    const label = extraPages.length + (page ? 1 : 0);
    opened.on('pageerror', (error) => pageErrors.push(`[page ${label}] ${error.message}`));
    opened.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`[page ${label}] ${message.text()}`);
    });
    return opened;
  };

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    pageErrors = [];
    extraPages = [];
    page = undefined;
    page = await newPage();
    context = page.context();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page) {
      await mkdir(RESULTS_DIR, { recursive: true });
      const name = `${task.file.name}-${task.name}`.replace(/[^\w.-]+/g, '_').slice(0, 150);
      const path = `${RESULTS_DIR}${name}.png`;
      await page.screenshot({ path, fullPage: true });
      console.error(`[e2e] screenshot of the failure: ${path}`);
      for (const [index, extra] of extraPages.entries()) {
        const extraPath = `${RESULTS_DIR}${name}-${index + 2}.png`;
        await extra.screenshot({ path: extraPath, fullPage: true });
        console.error(`[e2e] screenshot of another page: ${extraPath}`);
      }
      if (pageErrors.length > 0) console.error(`[e2e] page errors:\n${pageErrors.join('\n')}`);
    }
    for (const extra of extraPages) await extra.context().close();
    await context?.close();
  });

  return {
    get page() {
      if (!page) throw new Error('No page: use it inside a test');
      return page;
    },
    get context() {
      if (!context) throw new Error('No context: use it inside a test');
      return context;
    },
    openPage: async () => {
      const opened = await newPage();
      extraPages.push(opened);
      return opened;
    },
  };
}

/** Waits until the locator is visible; fails the test with Playwright's message otherwise. */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible' });
  return locator;
}

export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? 'creative-cities';

/** Signs in through the API with the page's own request context, so the cookie lands there. */
export async function signInByApi(page: Page, email: string, password = DEMO_PASSWORD) {
  const response = await page.request.post('/api/auth/sign-in/email', {
    data: { email, password },
    headers: { Origin: baseUrl ?? '' },
  });
  if (!response.ok()) {
    throw new Error(`sign-in of ${email} failed: ${response.status()} ${await response.text()}`);
  }
}

/** Signs in through the form, as a person would, and waits for the directory. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
  await page.waitForURL('**/cities');
}
