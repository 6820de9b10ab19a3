/**
 * Issue #11, the rest, in a real browser (headless Chromium over the built console and the real server on a seeded
 * SQLite file): an agency's and a locality's predecessors and successors on their pages, with links.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiClient, DEMO_PASSWORD, describeInBrowser, launchBrowser, newContext, recordConsole, screenshot, startE2eServer, type E2eServer } from "./helpers";

describeInBrowser("successions: predecessors and successors of agencies and localities", () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let log: string[];
  let api: Awaited<ReturnType<ReturnType<typeof apiClient>["login"]>>;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    log = recordConsole(page);
    api = await apiClient(server.url).login("langson.officer");
    await page.goto(`${server.url}/#/login`);
    await page.locator('input[name="username"]').fill("langson.officer");
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByRole("menuitem", { name: "Nhiệm vụ" }).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  const agency = async (code: string) => (await api.trpc.agencies.list.query({ filter: { code } })).data[0]!;

  it("an agency shows the department it absorbed (how, from when, the note); the link leads there, and back to its successor", async () => {
    const finance = await agency("lang-son.finance-dept");
    const planning = await agency("lang-son.planning-investment-dept");
    await page.goto(`${server.url}/#/agencies/${finance.id}/show`);
    const before = page.getByTestId("predecessors").locator("tr", { hasText: String(planning.nameVi) });
    await before.waitFor({ timeout: 30_000 });
    const text = await before.innerText();
    expect(text).toContain("Sáp nhập");
    expect(text).toContain("01/03/2025");
    expect(text).toContain("Hợp nhất Sở Kế hoạch và Đầu tư vào Sở Tài chính.");
    expect(await page.getByText("Đơn vị tiền thân (trước đây)").count()).toBe(1);
    await screenshot(page, "successions-agency");

    await before.getByRole("link", { name: String(planning.nameVi) }).click();
    await page.waitForURL(new RegExp(`#/agencies/${planning.id}/show`), { timeout: 30_000 });
    const after = page.getByTestId("successors").locator("tr", { hasText: String(finance.nameVi) });
    await after.waitFor({ timeout: 30_000 });
    expect(await after.innerText()).toContain("Sáp nhập");
    await after.getByRole("link", { name: String(finance.nameVi) }).click();
    await page.waitForURL(new RegExp(`#/agencies/${finance.id}/show`), { timeout: 30_000 });
  });

  it("a locality merged into another: the old one names its successor, the new one its predecessor, each a link", async () => {
    const province = (await api.trpc.localities.list.query({ filter: { code: "lang-son" } })).data[0]!;
    const communes = (await api.trpc.localities.list.query({ filter: { parentId: province.id, levelCode: "commune" }, sort: { field: "id", order: "ASC" }, pagination: { page: 1, perPage: 2 } })).data;
    const [old, successor] = communes as [(typeof communes)[number], (typeof communes)[number]];
    await api.trpc.localities.update.mutate({ id: old.id, version: old.version, data: { validTo: "2025-06-30", successorId: successor.id } });

    await page.goto(`${server.url}/#/localities/${successor.id}/show`);
    const before = page.getByTestId("predecessors").locator("tr", { hasText: String(old.nameVi) });
    await before.waitFor({ timeout: 30_000 });
    expect(await before.innerText()).toContain("30/06/2025");
    await before.getByRole("link", { name: String(old.nameVi) }).click();
    await page.waitForURL(new RegExp(`#/localities/${old.id}/show`), { timeout: 30_000 });
    const after = page.getByTestId("successors").locator("tr", { hasText: String(successor.nameVi) });
    await after.waitFor({ timeout: 30_000 });
    await screenshot(page, "successions-locality");
    await after.getByRole("link", { name: String(successor.nameVi) }).click();
    await page.waitForURL(new RegExp(`#/localities/${successor.id}/show`), { timeout: 30_000 });
    expect(log.filter((l) => !/Failed to load resource/.test(l)).join("\n")).toBe("");
  });
});
