/**
 * The roadmap editor and the one verdict in a real browser (headless Chromium over the built console and the real
 * server on a seeded SQLite file): the Lạng Sơn officer opens the nursery target, sees every year's straight-line
 * figure labelled "ước tính theo lộ trình đều", sets 2027's milestone, and the consolidation page judges against the
 * same figures, as do the data-entry grid and the dashboard — with no internal code on the officer's pages.
 * Screenshots go to test-output/.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { formatPercent } from "@eduplan/domain";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiClient, describeInBrowser, launchBrowser, logIn, newContext, recordConsole, screenshot, startE2eServer, type E2eServer } from "./helpers";

const SNAKE_CODE = /\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z_]+\.[a-z_]+\.[a-z_.]+\b/;

describeInBrowser("roadmap editor and verdicts in headless Chromium", () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let log: string[];
  let targetId = 0;
  let api: Awaited<ReturnType<ReturnType<typeof apiClient>["login"]>>;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    log = recordConsole(page);
    api = await apiClient(server.url).login("langson.officer");
    const plan = (await api.trpc.plans.list.query({ filter: { code: "lang-son-243-2025" } })).data[0]!;
    const nursery = (await api.trpc.indicators.list.query({ filter: { code: "ecec.nursery.enrolment_rate" } })).data[0]!;
    targetId = (await api.trpc.targets.list.query({ filter: { planId: plan.id, indicatorId: nursery.id } })).data[0]!.id;
    await logIn(page, server.url, "langson.officer");
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  it("shows the straight-line roadmap labelled as an estimate, and saves an officer's milestone", async () => {
    await page.goto(`${server.url}/#/targets/${targetId}`);
    const editor = page.getByTestId("roadmap-editor");
    await editor.waitFor({ timeout: 30_000 });
    await page.getByTestId("roadmap-2026").waitFor();
    const roadmap = await api.trpc.progress.roadmap.query({ targetId });
    const estimate2026 = roadmap.years.find((y) => y.year === 2026)!.expected!.value;
    // Each year of the period is a cell; an empty one shows the estimate and says so.
    for (const y of [2025, 2026, 2027, 2028, 2029, 2030]) await expect(page.getByTestId(`roadmap-${y}`).count()).resolves.toBe(1);
    const placeholder = await page.getByTestId("roadmap-2026").getAttribute("placeholder");
    expect(placeholder).toBe(formatPercent(estimate2026, "vi", { maxDecimals: 1 }));
    expect(await editor.innerText()).toContain("ước tính theo lộ trình đều");

    await page.getByTestId("roadmap-2027").fill("47,5");
    await page.getByTestId("roadmap-save").click();
    await page.getByText("Đã lưu lộ trình").waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await api.trpc.milestones.list.query({ filter: { targetId } })).data.map((m) => [m.year, m.value])).toEqual([[2027, 47.5]]);
    await expect.poll(async () => page.getByTestId("roadmap-2027").inputValue()).toBe("47,5");
    // The line now bends through the milestone: 2026 lies halfway between 2025's figure and 47,5%.
    const after = await api.trpc.progress.roadmap.query({ targetId });
    expect(after.years.find((y) => y.year === 2026)!.expected!.value).toBeCloseTo((after.firstReported!.value + 47.5) / 2, 9);
    await screenshot(page, "roadmap-editor");

    // No internal code on the page, nor in its title.
    const text = await page.locator("#main-content, main").first().innerText();
    expect(text).not.toMatch(SNAKE_CODE);
    // (A 401 of the session check before login is a "Failed to load resource" line, as in the other browser tests.)
    expect(log.filter((l) => !/Failed to load resource/.test(l)).join("\n")).toBe("");
  });

  it("the consolidation page judges with the same figures and shows names, not codes", async () => {
    await page.goto(`${server.url}/#/consolidation`);
    await page.getByTestId("consolidation-row").first().waitFor({ timeout: 30_000 });
    const c = await api.trpc.reporting.consolidate.query({ localityId: (await api.trpc.localities.list.query({ filter: { code: "lang-son" } })).data[0]!.id, year: new Date().getFullYear() });
    const rows = page.getByTestId("consolidation-row");
    await expect(rows.count()).resolves.toBe(c.targets.length);
    const text = await page.locator("#main-content, main").first().innerText();
    expect(text).not.toMatch(SNAKE_CODE);
    for (const label of new Set(c.targets.map((t) => t.evaluation.label.vi))) expect(text).toContain(label);
    await screenshot(page, "consolidation-verdicts");
    // (A 401 of the session check before login is a "Failed to load resource" line, as in the other browser tests.)
    expect(log.filter((l) => !/Failed to load resource/.test(l)).join("\n")).toBe("");
  });

  it("the data-entry grid and the dashboard show the same verdicts, by name, with no internal code", async () => {
    const bangMac = (await api.trpc.localities.list.query({ filter: { code: "bang-mac" } })).data[0]!;
    const period = (await api.trpc.reportingPeriods.list.query({ filter: { year: 2026 } })).data[0]!;
    const report = (await api.trpc.reports.list.query({ filter: { localityId: bangMac.id, periodId: period.id } })).data[0]!;
    await page.goto(`${server.url}/#/reports/${report.id}/show`);
    await page.getByTestId("grid-row").first().waitFor({ timeout: 30_000 });
    const grid = await api.trpc.reports.grid.query({ id: report.id });
    const kinds = await page.getByTestId("row-achievement").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-kind")));
    expect(kinds).toEqual(grid.rows.map((r) => (r.evaluationInput ? r.evaluation.state : "noTarget")));
    expect(await page.locator("#main-content, main").first().innerText()).not.toMatch(SNAKE_CODE);
    await screenshot(page, "report-grid-verdicts");

    await page.goto(`${server.url}/#/`);
    await page.getByTestId("dashboard").waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await page.locator("#main-content, main").first().innerText()).includes("Đúng tiến độ"), { timeout: 30_000 }).toBe(true);
    expect(await page.locator("#main-content, main").first().innerText()).not.toMatch(SNAKE_CODE);
    expect(log.filter((l) => !/Failed to load resource/.test(l)).join("\n")).toBe("");
  });
});
