/**
 * The API page in a real headless browser (Debian's chromium, driven by playwright-core, which never
 * downloads a browser of its own): opened through `/`, it loads with no console error and no request to
 * another host, lists every route of the document, and a copy button puts the example on the clipboard.
 * Chromium is installed with apt-get where it is absent and this runs as root; without it the suite says
 * why and skips these tests.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openApiDocument } from '../src/index.js';
import { operationId } from '../src/openapi/docs-page.js';
import { startHarness, type Harness } from './support/harness.js';

const exec = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';

/** The path of Debian's chromium, installing it when absent; or why it cannot be had. */
const ensureChromium = async (): Promise<{ path: string } | { reason: string }> => {
  if (existsSync(CHROMIUM)) return { path: CHROMIUM };
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    return {
      reason: `${CHROMIUM} is absent and installing it needs root on Debian (apt-get install chromium)`,
    };
  }
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await exec('apt-get', ['update'], { env, maxBuffer: 64 * 1024 * 1024 });
    await exec('apt-get', ['install', '-y', 'chromium'], { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    return {
      reason: `apt-get install chromium failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return existsSync(CHROMIUM)
    ? { path: CHROMIUM }
    : { reason: `apt-get installed chromium, but not at ${CHROMIUM}` };
};

const operations = Object.entries(openApiDocument.paths).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => ({ path, method })),
);

describe('the API page in a headless browser', function () {
  // installing chromium can take minutes on a machine that lacks it; a page load takes a second
  this.timeout(600_000);
  let h: Harness;
  let browser: Browser | undefined;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];

  before(async function () {
    const found = await ensureChromium();
    if ('reason' in found) {
      console.log(`    Skipping the browser tests of the API page: ${found.reason}`);
      this.skip();
    }
    h = await startHarness();
    browser = await chromium.launch({
      executablePath: found.path,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking'],
    });
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // the page needs no other host: anything else is recorded and refused
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(h.url) || url.startsWith('data:')) return route.continue();
      foreignRequests.push(url);
      return route.abort();
    });
    await page.goto(`${h.url}/`, { waitUntil: 'load' });
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  it('/ lands on /docs, which loads with no console error and no request to another host', () => {
    expect(new URL(page.url()).pathname).to.equal('/docs');
    expect(consoleErrors).to.deep.equal([]);
    expect(foreignRequests).to.deep.equal([]);
  });

  it('shows every route of the document, each in the navigation and as a section', async () => {
    for (const { path, method } of operations) {
      const id = operationId(method, path);
      const heading = page.locator(`#${id} h3`);
      expect(await heading.innerText(), id).to.equal(`${method.toUpperCase()} ${path}`);
      expect(await heading.isVisible(), id).to.equal(true);
      expect(await page.locator(`nav a[href="#${id}"]`).count(), `nav ${id}`).to.equal(1);
    }
  });

  it('copies an example request to the clipboard, as the page shows it', async () => {
    const id = `${operationId('post', '/v1/provision')}-request`;
    const button = page.locator(`button[data-copy="${id}"]`);
    await button.click();
    // expressions as text: this package's TypeScript has no DOM types
    await page.waitForFunction(
      `document.querySelector('button[data-copy="${id}"]').textContent === 'Copied'`,
    );
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).to.equal(await page.locator(`#${id}`).textContent());
    expect(copied).to.match(/^curl -s -X POST http:\/\/localhost:8093\/v1\/provision /);
    const body = /-d '([\s\S]*)'$/.exec(copied)?.[1];
    const media = openApiDocument.paths['/v1/provision'].post.requestBody.content['application/json'];
    expect(JSON.parse(body ?? 'null')).to.deep.equal((media as { example?: unknown }).example);
    expect(consoleErrors).to.deep.equal([]);
  });
});
