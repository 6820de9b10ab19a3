/**
 * The reporting cycle in a real browser (headless Chromium over the built console and the real server on a seeded
 * SQLite file): the Bằng Mạc commune officer enters the year's figures in the grid and submits; the Lạng Sơn
 * province officer returns the report with a reason; the commune corrects and resubmits; the province approves it,
 * sees it in the consolidation and downloads the annual report (a DOCX whose text holds the title).
 * Screenshots go to test-output/ (report-grid.png is the one shown in docs/screenshots/).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiClient, describeInBrowser, launchBrowser, logIn, newContext, OUTPUT_DIR, recordConsole, screenshot, startE2eServer, type E2eServer } from "./helpers";

const NURSERY = "ecec.nursery.enrolment_rate";

describeInBrowser("the reporting cycle in headless Chromium", () => {
  let server: E2eServer;
  let browser: Browser;
  let base: string;
  let reportId = 0;
  const sessions: Record<string, { context: BrowserContext; page: Page; log: string[] }> = {};
  let current: { page: Page; log: string[] } | null = null;

  /** A browser profile per user, logged in once through the login page. */
  async function as(username: string): Promise<Page> {
    let s = sessions[username];
    if (!s) {
      const context = await newContext(browser);
      const page = await context.newPage();
      s = sessions[username] = { context, page, log: recordConsole(page) };
      await logIn(page, base, username);
    }
    current = s;
    return s.page;
  }

  const row = (page: Page) => page.locator(`[data-testid="grid-row"][data-indicator="${NURSERY}"]`);

  async function openReport(page: Page) {
    await page.goto(`${base}/#/reports/${reportId}/show`);
    await page.reload(); // the page as it is now (another user changed the report meanwhile)
    await row(page).waitFor({ timeout: 30_000 });
  }

  beforeAll(async () => {
    server = await startE2eServer();
    base = server.url;
    browser = await launchBrowser();
    const province = await apiClient(base).login("langson.officer");
    // Bằng Mạc's 2026 report is approved in the sample data: the province reopens it, so the commune files it anew.
    const bangMac = (await province.trpc.localities.list.query({ filter: { code: "bang-mac" } })).data[0]!;
    const period = (await province.trpc.reportingPeriods.list.query({ filter: { year: 2026 } })).data[0]!;
    const report = (await province.trpc.reports.list.query({ filter: { localityId: bangMac.id, periodId: period.id } })).data[0]!;
    reportId = report.id;
    await province.trpc.reports.transition.mutate({ id: reportId, action: "reopen", version: report.version });
  });

  afterAll(async () => {
    for (const s of Object.values(sessions)) await s.context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && current) {
      await screenshot(current.page, `failed-reporting-${ctx.task.name.replace(/\W+/g, "-").slice(0, 50)}`).catch(() => {});
      console.log(`${ctx.task.name}: ${current.page.url()}\n${current.log.join("\n")}`);
    }
  });

  it("the commune officer finds the report in the list, exports the list to Excel, enters figures in the grid (checked as typed) and submits", async () => {
    const page = await as("bangmac.officer");
    await page.goto(`${base}/#/reports`);
    const draftRow = page.locator('[data-testid="report-status"][data-status="draft"]').first();
    await draftRow.waitFor({ timeout: 30_000 });
    await screenshot(page, "reports-list");

    // "Xuất Excel": the list as an XLSX from the API.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Xuất Excel" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^reports-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const xlsx = readFileSync((await download.path())!);
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");

    await draftRow.click();
    await page.waitForURL(new RegExp(`/reports/${reportId}/show`));
    await row(page).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("report-heading").innerText()).toContain("Xã Bằng Mạc");

    const numerator = row(page).getByTestId("input-numerator");
    const denominator = row(page).getByTestId("input-denominator");
    // A mistake is caught before sending: the numerator above the denominator.
    await numerator.fill("600");
    await denominator.fill("400");
    await expect.poll(() => row(page).innerText()).toContain("Tử số 600 lớn hơn mẫu số 400");
    await numerator.fill("-5");
    await expect.poll(() => row(page).innerText()).toContain("Không được nhập số âm");
    // The rate is computed as the officer types.
    await numerator.fill("485");
    await denominator.fill("1000");
    await expect.poll(() => row(page).getByTestId("row-value").innerText()).toBe("48,5%");
    await row(page).getByTestId("input-comment").fill("Số liệu điều tra tháng 11");
    expect(await row(page).getByTestId("row-achievement").getAttribute("data-kind")).not.toBe("noData");
    await row(page).scrollIntoViewIfNeeded();
    await page.getByTestId("report-grid").evaluate((table) => table.parentElement?.scrollTo({ left: 0 }));
    await screenshot(page, "report-grid");

    await page.getByTestId("submit-report").click();
    await page.getByTestId("lock-notice").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("report-entry").getAttribute("data-status")).toBe("submitted");
    expect(await page.getByTestId("submit-report").count()).toBe(0);
    expect(await numerator.isDisabled()).toBe(true);
    expect(current!.log.filter((l) => l.startsWith("pageerror"))).toEqual([]);
  });

  it("the province officer returns it with a reason", async () => {
    const page = await as("langson.officer");
    await openReport(page);
    expect(await row(page).getByTestId("input-numerator").inputValue()).toBe("485");
    await page.getByTestId("return-report").click();
    const confirm = page.getByTestId("confirm-action");
    expect(await confirm.isDisabled()).toBe(true); // a reason is required
    await page.getByTestId("return-reason-input").fill("Mẫu số chưa khớp số liệu điều tra dân số, đề nghị kiểm tra lại");
    await confirm.click();
    await page.getByTestId("return-reason").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("report-entry").getAttribute("data-status")).toBe("returned");
    await screenshot(page, "report-returned");
  });

  it("the commune officer sees why, a broken Excel file is refused with its errors, corrects the figures and resubmits", async () => {
    const page = await as("bangmac.officer");
    await openReport(page);
    expect(await page.getByTestId("return-reason").innerText()).toContain("Mẫu số chưa khớp số liệu điều tra dân số");

    // An upload that is not a workbook: the progress bar runs to the end and the errors are listed; nothing written.
    await page.getByTestId("excel-file-input").setInputFiles({ name: "bao-cao.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("not a workbook") });
    await page.getByTestId("import-errors").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("import-percent").innerText()).toBe("100%");
    expect(await page.getByTestId("import-error-row").first().innerText()).toContain("Excel");

    await row(page).getByTestId("input-denominator").fill("970");
    await expect.poll(() => row(page).getByTestId("row-value").innerText()).toBe("50%");
    await page.getByTestId("save-report").click();
    await expect.poll(() => page.getByTestId("unsaved").count(), { timeout: 15_000 }).toBe(0);
    await page.getByTestId("submit-report").click();
    await page.getByTestId("lock-notice").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("report-entry").getAttribute("data-status")).toBe("submitted");
  });

  it("the province officer approves it: locked, in the consolidation, and the annual report downloads as a DOCX with its title", async () => {
    const page = await as("langson.officer");
    await openReport(page);
    expect(await row(page).getByTestId("input-denominator").inputValue()).toBe("970");
    await page.getByTestId("approve-report").click();
    await expect.poll(() => page.getByTestId("report-entry").getAttribute("data-status"), { timeout: 15_000 }).toBe("approved");
    expect(await page.getByTestId("lock-notice").innerText()).toMatch(/khóa/);
    expect(await page.getByTestId("reopen-report").count()).toBe(1);
    await screenshot(page, "report-approved");

    await page.getByRole("menuitem", { name: "Tổng hợp báo cáo" }).click();
    await page.waitForURL(/#\/consolidation/);
    const unit = page.locator('[data-testid="unit-row"][data-unit="bang-mac"]');
    await unit.waitFor({ timeout: 30_000 });
    expect(await unit.getAttribute("data-status")).toBe("approved");
    expect(await page.locator('[data-testid="consolidation-row"][data-at-risk="true"]').count()).toBeGreaterThan(0);
    await screenshot(page, "consolidation");

    // The officer picks who issues and signs (Nghị định 30), then downloads.
    await page.getByTestId("download-annual-docx").click();
    await page.getByTestId("annual-signer").fill("Nguyễn Thị Hoa");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("annual-docx-confirm").click()]);
    expect(download.suggestedFilename()).toBe("bao-cao-nam-2026-lang-son.docx");
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const saved = join(OUTPUT_DIR, download.suggestedFilename());
    await download.saveAs(saved);
    const zip = await JSZip.loadAsync(readFileSync(saved));
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Kết quả thực hiện Kế hoạch số 243/KH-UBND");
    expect(text).toContain("Xã Bằng Mạc");
    expect(text.replace(/\u00a0/g, " ")).toContain("Nguyễn Thị Hoa");
  });

  it("the officer picks UBND, KT. and a signer: the DOCX's signature block prints them, and the dialog reopens prefilled", async () => {
    const page = await as("langson.officer");
    const signatureOf = async (file: string) => {
      const xml = await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")!.async("string");
      const last = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].at(-1)![0];
      const signer = [...last.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)][1]![0];
      const paragraphs = [...signer.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("").replace(/\u00a0/g, " "));
      return { signer: paragraphs.filter(Boolean), header: xml.slice(0, xml.indexOf("</w:tbl>")) };
    };
    await page.getByTestId("download-annual-docx").click();
    await page.getByRole("combobox", { name: "Cơ quan ban hành" }).click();
    await page.getByRole("option", { name: "Ủy ban nhân dân" }).click();
    await page.getByRole("combobox", { name: "Hình thức ký" }).click();
    await page.getByRole("option", { name: "TM. UBND, KT. Chủ tịch (Phó Chủ tịch ký)" }).click();
    await page.getByTestId("annual-signer").fill("Đoàn Thu Hà");
    await page.getByTestId("annual-drafting-unit").fill("KGVX");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("annual-docx-confirm").click()]);
    const file = join(OUTPUT_DIR, "bao-cao-nam-ubnd.docx");
    await download.saveAs(file);
    const { signer, header } = await signatureOf(file);
    expect(signer).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đoàn Thu Hà"]);
    expect(header).toContain("BC-UBND");

    // Reopened after a reload: the choice is there.
    await page.reload();
    await page.getByTestId("download-annual-docx").click({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("annual-signer").inputValue(), { timeout: 15_000 }).toBe("Đoàn Thu Hà");
    expect(await page.getByTestId("annual-issuer").inputValue()).toBe("peoplesCommittee");
    expect(await page.getByTestId("annual-signing-form").inputValue()).toBe("KT");
    expect(await page.getByTestId("annual-drafting-unit").inputValue()).toBe("KGVX");
    expect(await page.getByRole("dialog").innerText()).toMatch(/điền sẵn lựa chọn lần trước/);
    await screenshot(page, "annual-report-dialog");
    await page.getByRole("button", { name: "Hủy" }).click();
  });
});
