import { assert } from './harness.mjs';

export const tests = {
  async 'the app shell loads'({ browser, baseUrl }) {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    const h1 = await page.textContent('h1');
    assert(h1?.includes('Synthtab'), `heading was ${h1}`);
  },
};
