// e2e runner: serves the built app with `vite preview` on 127.0.0.1 and runs every
// test/e2e/*.e2e.mjs file against Debian's /usr/bin/chromium (never a downloaded browser).
// Prints a closing line "N passed, N failed".
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { startPreview, launchBrowser } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith('.e2e.mjs') && (!only || f.includes(only))).sort();
const server = await startPreview();
let passed = 0, failed = 0;
try {
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(here, f)).href);
    for (const [name, fn] of Object.entries(mod.tests ?? {})) {
      const browser = await launchBrowser();
      const t0 = Date.now();
      try {
        await fn({ browser, baseUrl: server.url });
        passed++;
        console.log(`  ok   ${f} > ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed++;
        console.log(`  FAIL ${f} > ${name}\n       ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n       ')}`);
      } finally {
        await browser.close().catch(() => {});
      }
    }
  }
} finally {
  server.stop();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
