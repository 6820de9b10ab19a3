/**
 * The built console under the server's Content-Security-Policy, in Chromium: logging in and opening the main pages
 * raises no CSP violation (`securitypolicyviolation` events, console errors), and the first load's JavaScript arrives
 * compressed (brotli). The transfer sizes are printed for docs/benchmarks.md.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { describeInBrowser, launchBrowser, logIn, newContext, recordConsole, startE2eServer, type E2eServer } from "./helpers.js";

let server: E2eServer;
let browser: Browser;

describeInBrowser("the console under the server's CSP", () => {
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("loads, logs in and shows its pages with no CSP violation; first-load JavaScript is brotli-compressed", async () => {
    const context = await newContext(browser);
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const log = recordConsole(page);
    const scripts: { url: string; encoding: string | undefined; transferred: number }[] = [];
    page.on("requestfinished", (request) => {
      if (!request.url().endsWith(".js")) return;
      // A request still finishing when the page closes has nothing more to tell: never an unobserved rejection.
      void (async () => {
        const response = await request.response();
        if (!response) return;
        const sizes = await request.sizes();
        scripts.push({ url: request.url(), encoding: response.headers()["content-encoding"], transferred: sizes.responseBodySize });
      })().catch(() => {});
    });

    const first = await page.goto(`${server.url}/`);
    const headers = first!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    await logIn(page, server.url, "langson.officer");
    const firstLoad = [...scripts];
    for (const route of ["#/plans", "#/targets", "#/tasks", "#/reports", "#/consolidation", "#/reports-excel", "#/localities", "#/indicators"]) {
      await page.goto(`${server.url}/${route}`);
      await page.waitForLoadState("networkidle");
    }
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations).toEqual([]);
    expect(log.filter((l) => /Content Security Policy|Refused to/i.test(l))).toEqual([]);

    expect(firstLoad.length).toBeGreaterThan(0);
    for (const s of firstLoad.filter((s) => s.transferred > 1024)) expect(s.encoding, s.url).toBe("br");
    const total = firstLoad.reduce((n, s) => n + s.transferred, 0);
    console.log(`first-load JavaScript: ${firstLoad.length} files, ${(total / 1024).toFixed(0)} KiB transferred (brotli)`);
    await context.close();
  });
});
