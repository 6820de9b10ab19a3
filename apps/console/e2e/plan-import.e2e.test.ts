/**
 * "Nhập kế hoạch từ văn bản" in a real browser (headless Chromium over the built console and the real server on a
 * seeded SQLite file): the Lạng Sơn province officer uploads the Bằng Mạc commune resolution (a sample document),
 * sees its text with the findings highlighted, corrects one target's value, rejects another, accepts the rest, makes
 * every body the document names known, accepts — and lands on the new plan's cascade tab, the plan holding the
 * corrected value and not the rejected target.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiClient, describeInBrowser, launchBrowser, logIn, newContext, recordConsole, screenshot, startE2eServer, type E2eServer } from "./helpers";

const SOURCE = fileURLToPath(new URL("../../../packages/sample-data/sources/bang-mac-commune-resolution-2025.txt", import.meta.url));

describeInBrowser("importing a plan document in headless Chromium", () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let log: string[] = [];
  let base: string;

  beforeAll(async () => {
    server = await startE2eServer();
    base = server.url;
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    log = recordConsole(page);
    await logIn(page, base, "langson.officer");
  }, 120_000);

  afterEach((ctx) => {
    if (ctx.task.result?.state === "fail") console.log(log.join("\n"));
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  it("imports the document, corrects one target, rejects one, accepts the rest and opens the plan's cascade", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "eduplan-plan-import-")), "nghi-quyet-bang-mac.txt");
    writeFileSync(file, readFileSync(SOURCE));

    await page.getByTestId("menu-plan-import").click();
    await page.getByText("Nhập kế hoạch từ văn bản").first().waitFor();
    await page.getByTestId("plan-file").setInputFiles(file);
    await page.getByTestId("document-text").waitFor({ timeout: 60_000 });
    const marks = await page.locator('[data-testid="document-text"] mark').count();
    expect(marks).toBeGreaterThan(10);
    expect(await page.getByTestId("document-text").innerText()).toContain("HỘI ĐỒNG NHÂN DÂN XÃ BẰNG MẠC");

    // The targets, each with a confidence written the Vietnamese way ("Độ tin cậy 85%").
    const targets = page.getByTestId("target-finding");
    expect(await targets.count()).toBeGreaterThan(10);
    expect(await targets.first().getByTestId("confidence").innerText()).toMatch(/^Độ tin cậy \d+%$/);

    // Correct the first percentage target: a new value typed as an officer writes it ("96,5").
    const first = page.locator('[data-testid="target-finding"]:has([data-testid="target-summary"]:has-text("%"))').first();
    const correctedId = await first.getAttribute("data-finding");
    await first.getByTestId("correct-finding").click();
    await first.getByTestId("edit-value").fill("96,5");
    await first.getByTestId("apply-correction").click();
    await expect.poll(() => first.getByTestId("review-status").innerText()).toBe("Đã sửa");
    expect(await first.getByTestId("target-summary").innerText()).toContain("96,5%");

    await screenshot(page, "plan-import-targets");

    // Reject the second one.
    const second = targets.nth(1);
    const rejectedId = await second.getAttribute("data-finding");
    await second.getByTestId("reject-finding").click();
    await expect.poll(() => second.getByTestId("review-status").innerText()).toBe("Đã loại bỏ");

    // A target without an indicator cannot be kept: reject those, and tasks without a lead.
    for (const card of await targets.filter({ hasText: "Chưa gắn chỉ số" }).all()) await card.getByTestId("reject-finding").click();
    await page.getByTestId("tab-tasks").click();
    for (const card of await page.getByTestId("task-finding").filter({ hasText: "Chưa có đơn vị chủ trì" }).all()) await card.getByTestId("reject-finding").click();

    // Accept the rest.
    await page.getByTestId("accept-rest").click();
    await page.getByTestId("tab-targets").click();
    const totalTargets = await targets.count();
    const rejectedTargets = await targets.filter({ has: page.locator('[data-testid="review-status"]', { hasText: "Đã loại bỏ" }) }).count();
    expect(rejectedTargets).toBeGreaterThanOrEqual(1);

    // Every body the document names stands for something: those not recognised become new agencies.
    await page.getByTestId("tab-agencies").click();
    const unresolved = page.locator('[data-testid="body-row"][data-resolved="no"]');
    while ((await unresolved.count()) > 0) {
      await unresolved.first().getByRole("combobox").first().click();
      await page.getByRole("option", { name: "Tạo cơ quan mới" }).click();
    }
    expect(await page.locator('[data-testid="body-row"][data-resolved="no"]').count()).toBe(0);
    await screenshot(page, "plan-import-review");

    // Save, then accept: the plan opens on its cascade tab.
    await page.getByTestId("save-review").click();
    await page.getByText("Bản xem xét đã được lưu.").waitFor();
    await page.getByTestId("create-plan").click();
    await page.waitForURL(/#\/plans\/\d+\/show\/cascade/, { timeout: 60_000 });
    await page.getByTestId("cascade-tab").waitFor({ timeout: 30_000 });
    const planId = Number(page.url().match(/plans\/(\d+)\/show/)![1]);
    // The cascade compares the commune's resolution with the province plan it implements.
    expect(await page.getByTestId("cascade-tab").innerText()).toContain("243/KH-UBND");
    await screenshot(page, "plan-import-cascade");

    // Behind the page: the corrected value is the plan's, the rejected target is not in it.
    const api = await apiClient(base).login("langson.officer");
    const rows = (await api.trpc.targets.list.query({ filter: { planId }, pagination: { page: 1, perPage: 500 } })).data as unknown as { value: number | null; phraseVi: string | null }[];
    expect(rows.length).toBe(totalTargets - rejectedTargets);
    expect(rows.some((r) => r.value === 96.5)).toBe(true);
    expect(correctedId).not.toBe(rejectedId);
    const plan = (await api.trpc.plans.getOne.query({ id: planId })).data as unknown as { localityId: number; parentPlanId: number | null };
    expect(plan.parentPlanId).not.toBeNull();
  }, 240_000);
});
