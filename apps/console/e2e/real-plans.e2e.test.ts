/**
 * Issue #11 "Real plans fit", in a real browser (headless Chromium over the built console and the real server on a
 * seeded SQLite file): the Lạng Sơn officer enters a task that names only a coordinating agency and a collective the
 * province declared ("Các cơ quan liên quan"), with a timing the plan does not state, and a target pooled over two
 * levels of education ("trên 70% trường mầm non, tiểu học đạt chuẩn quốc gia") — what the model could not hold before.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiClient, DEMO_PASSWORD, describeInBrowser, launchBrowser, newContext, recordConsole, screenshot, startE2eServer, type E2eServer } from "./helpers";

describeInBrowser("real plans fit: coordinator-only task, declared collective, timing not stated, pooled target", () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let log: string[];
  let planId = 0;
  let api: Awaited<ReturnType<ReturnType<typeof apiClient>["login"]>>;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    log = recordConsole(page);
    api = await apiClient(server.url).login("langson.officer");
    planId = (await api.trpc.plans.list.query({ filter: { code: "lang-son-243-2025" } })).data[0]!.id;
    // Logged in once the menu shows (whatever the dashboard is doing).
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

  const select = async (label: string, option: string | RegExp) => {
    await page.getByRole("combobox", { name: label, exact: true }).click();
    await page.getByRole("option", { name: option }).click();
  };

  it("enters a task with a coordinator only, the province's declared collective and no stated timing", async () => {
    await page.goto(`${server.url}/#/tasks/create?source=${encodeURIComponent(JSON.stringify({ planId }))}`);
    await page.locator('input[name="code"]').waitFor({ timeout: 30_000 });
    await page.locator('input[name="code"]').fill("V.3-e2e");
    await page.locator('textarea[name="titleVi"]').fill("Phối hợp với Sở Giáo dục và Đào tạo triển khai giáo dục STEM");
    await select("Loại thời hạn", "Không nêu thời gian");
    const coordinating = page.getByRole("combobox", { name: "Cơ quan phối hợp", exact: true });
    await coordinating.fill("Khoa học và Công nghệ");
    await page.getByRole("option", { name: /Sở (KH&CN|Khoa học và Công nghệ)/ }).first().click();
    await page.getByRole("combobox", { name: "Nhóm cơ quan phối hợp", exact: true }).click();
    await page.getByRole("option", { name: "Các cơ quan liên quan" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL(/#\/tasks\/\d+/, { timeout: 30_000 });

    const saved = async () => (await api.trpc.tasks.list.query({ filter: { planId, code: "V.3-e2e" } })).data;
    await expect.poll(async () => (await saved()).length, { timeout: 15_000 }).toBe(1);
    const task = (await saved())[0]!;
    const skhcn = (await api.trpc.agencies.list.query({ filter: { code: "lang-son.science-technology-dept" } })).data[0]!;
    expect(task).toMatchObject({
      timing: { kind: "notStated" },
      leadAgencyIds: [],
      leadCollectiveCodes: [],
      coordinatingAgencyIds: [skhcn.id],
      coordinatingCollectiveCodes: ["lang-son.related-agencies"],
    });

    // The plan's task list shows it with its timing in words.
    await page.goto(`${server.url}/#/plans/${planId}/show/tasks`);
    await page.getByText("Phối hợp với Sở Giáo dục và Đào tạo triển khai giáo dục STEM").waitFor({ timeout: 30_000 });
    const row = page.locator("tr", { hasText: "Phối hợp với Sở Giáo dục và Đào tạo triển khai giáo dục STEM" });
    expect(await row.innerText()).toContain("Không nêu thời gian");
    await screenshot(page, "real-plans-task");
  });

  it("enters a target pooled over two levels of education, one figure not split", async () => {
    await page.goto(`${server.url}/#/targets/create?source=${encodeURIComponent(JSON.stringify({ planId }))}`);
    await page.locator('input[name="code"]').waitFor({ timeout: 30_000 });
    const indicator = page.getByRole("combobox", { name: "Chỉ số", exact: true });
    await indicator.fill("mầm non đạt chuẩn quốc gia");
    await page.getByRole("option", { name: "Tỷ lệ trường mầm non đạt chuẩn quốc gia" }).click();
    await page.locator('input[name="code"]').fill("pooled-e2e");
    await select("So sánh", /^Trên/);
    await page.locator('input[name="value"]').fill("70");
    await page.getByRole("combobox", { name: "Gộp nhiều cấp học (một số liệu chung)", exact: true }).click();
    await page.getByRole("option", { name: "Giáo dục mầm non" }).click();
    await page.getByRole("option", { name: "Tiểu học" }).click();
    await page.keyboard.press("Escape");
    await page.locator('textarea[name="phraseVi"]').fill("Trên 70% trường mầm non, tiểu học đạt chuẩn quốc gia");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL(/#\/plans\/\d+\/show\/targets/, { timeout: 30_000 });

    await expect
      .poll(async () => (await api.trpc.targets.list.query({ filter: { planId, code: "pooled-e2e" } })).data[0] ?? null, { timeout: 15_000 })
      .toMatchObject({ comparator: "gt", value: 70, pooledEducationLevelCodes: ["earlyChildhood", "primary"], breakdownEducationLevelCode: null });
    await screenshot(page, "real-plans-target");
  });

  it("a locality merged into another shows its end date and successor; the successor lists it as a predecessor", async () => {
    const province = (await api.trpc.localities.list.query({ filter: { code: "lang-son" } })).data[0]!;
    const communes = (await api.trpc.localities.list.query({ filter: { parentId: province.id, levelCode: "commune" }, sort: { field: "id", order: "ASC" }, pagination: { page: 1, perPage: 2 } })).data;
    const [old, successor] = communes as [(typeof communes)[number], (typeof communes)[number]];
    await api.trpc.localities.update.mutate({ id: old.id, version: old.version, data: { validTo: "2025-06-30", successorId: successor.id } });
    await page.goto(`${server.url}/#/localities/${successor.id}/show`);
    const predecessors = page.locator("tr", { hasText: String(old.nameVi) });
    await predecessors.first().waitFor({ timeout: 30_000 });
    expect(await predecessors.first().innerText()).toContain("30/06/2025");
    await page.goto(`${server.url}/#/localities/${old.id}/show`);
    await page.getByText("30/06/2025").first().waitFor({ timeout: 30_000 });
    expect(await page.locator("main").first().innerText()).toContain(String(successor.nameVi));
    await screenshot(page, "real-plans-predecessor");
    expect(log.filter((l) => !/Failed to load resource/.test(l)).join("\n")).toBe("");
  });
});
