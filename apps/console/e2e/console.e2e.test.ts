/**
 * The console in a real browser: headless Chromium drives the built console served by the real server
 * (`@eduplan/server`) over a temporary SQLite database seeded with the sample data (Lạng Sơn 243/KH-UBND and its
 * child plan of xã Bằng Mạc). Screenshots go to test-output/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  apiClient,
  describeInBrowser,
  launchBrowser,
  logIn,
  newContext,
  recordConsole,
  screenshot,
  startE2eServer,
  type E2eServer,
} from "./helpers";

describeInBrowser("the console in headless Chromium", () => {
  let server: E2eServer;
  let browser: Browser;
  let base: string;
  let admin: ReturnType<typeof apiClient>;
  let province: ReturnType<typeof apiClient>;
  const ids = { langSonPlan: 0, bangMacPlan: 0, dongDangPlan: 0, nurseryIndicator: 0, bangMacNurseryTarget: 0 };

  beforeAll(async () => {
    server = await startE2eServer();
    base = server.url;
    browser = await launchBrowser();
    admin = await apiClient(base).login("admin");
    province = await apiClient(base).login("langson.officer");
    const planByCode = async (code: string) => (await admin.trpc.plans.list.query({ filter: { code } })).data[0]!.id;
    ids.langSonPlan = await planByCode("lang-son-243-2025");
    ids.bangMacPlan = await planByCode("bang-mac-2025");
    ids.nurseryIndicator = (await admin.trpc.indicators.list.query({ filter: { code: "ecec.nursery.enrolment_rate" } })).data[0]!.id;
    ids.bangMacNurseryTarget = (
      await admin.trpc.targets.list.query({ filter: { planId: ids.bangMacPlan, indicatorId: ids.nurseryIndicator }, sort: { field: "id", order: "ASC" } })
    ).data[0]!.id;
    // Another commune's plan (xã Đồng Đăng), written by the province officer: the Bằng Mạc officer must not see it.
    const dongDang = (await admin.trpc.localities.list.query({ filter: { code: "dong-dang" } })).data[0]!.id;
    ids.dongDangPlan = (
      await province.trpc.plans.create.mutate({
        data: { code: "dong-dang-2025", documentKind: "plan", titleVi: "Kế hoạch phát triển giáo dục xã Đồng Đăng (thử nghiệm)", localityId: dongDang, status: "draft" },
      })
    ).data.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe("as the Bằng Mạc commune officer", () => {
    let context: BrowserContext;
    let page: Page;
    let log: string[];

    beforeAll(async () => {
      context = await newContext(browser);
      page = await context.newPage();
      log = recordConsole(page);
    });
    afterAll(async () => {
      await context?.close();
    });
    afterEach(async (ctx) => {
      if (ctx.task.result?.state === "fail") {
        await screenshot(page, `failed-${ctx.task.name.replace(/\W+/g, "-").slice(0, 60)}`).catch(() => {});
        console.log(`${ctx.task.name}: ${page.url()}\n${log.join("\n")}`);
      }
    });

    it("logs in on the Vietnamese login page and lands on the dashboard of the commune", async () => {
      await page.goto(`${base}/`);
      await page.locator('input[name="username"]').waitFor();
      expect(page.locator("body")).toBeDefined();
      expect(await page.getByText("Đăng nhập EduPlan").isVisible()).toBe(true);
      await screenshot(page, "login");
      await logIn(page, base, "bangmac.officer");
      await page.getByTestId("state-card-achieved").waitFor();
      await page.getByTestId("indicator-charts").waitFor({ timeout: 30_000 });
      expect(await page.getByText("Kế hoạch của Xã Bằng Mạc").isVisible()).toBe(true);
      // The four counts of the plan's targets by state.
      for (const state of ["achieved", "onTrack", "atRisk", "noData"]) {
        const text = await page.getByTestId(`state-card-${state}`).innerText();
        expect(text).toMatch(/\d+/);
      }
      await page.waitForTimeout(800); // charts animate in
      await screenshot(page, "dashboard");
      expect(log.filter((l) => l.startsWith("pageerror"))).toEqual([]);
    });

    it("shows the cascade: nursery enrolment 55,7% is stronger than the province's 48,5%", async () => {
      await page.goto(`${base}/#/plans/${ids.bangMacPlan}/show/cascade`);
      const row = page.locator('[data-testid="cascade-row"][data-indicator="ecec.nursery.enrolment_rate"]').first();
      await row.waitFor({ timeout: 30_000 });
      const text = await row.innerText();
      expect(text).toContain("55,7%");
      expect(text).toContain("48,5%");
      expect(await row.getAttribute("data-verdict")).toBe("stronger");
      expect(text).toContain("Cao hơn cấp trên");
      expect(text).toContain("+7,2");
      // The search folds diacritics: "huy dong tre" finds "huy động trẻ".
      await page.getByPlaceholder("Tìm chỉ số").fill("huy dong tre");
      await expect.poll(() => page.locator('[data-testid="cascade-row"]').count()).toBeLessThan(8);
      expect(await page.locator('[data-testid="cascade-row"][data-indicator="ecec.nursery.enrolment_rate"]').count()).toBeGreaterThan(0);
      await screenshot(page, "cascade");
    });

    it("edits a target: a value the server refuses shows under the field, a good one is saved", async () => {
      await page.goto(`${base}/#/targets/${ids.bangMacNurseryTarget}`);
      const value = page.getByTestId("input-value");
      await value.waitFor({ timeout: 30_000 });
      await expect.poll(() => value.inputValue()).toBe("55,7");
      await value.fill("140");
      await page.getByRole("button", { name: "Lưu" }).click();
      const helper = page.locator('.MuiTextField-root:has([data-testid="input-value"]) .MuiFormHelperText-root');
      await expect.poll(() => helper.innerText(), { timeout: 15_000 }).toMatch(/140.*vượt quá 100/);
      await value.scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, -200);
      await screenshot(page, "target-field-error");
      // Nothing was written.
      expect((await admin.trpc.targets.getOne.query({ id: ids.bangMacNurseryTarget })).data.value).toBe(55.7);

      await value.fill("56,2");
      await page.getByRole("button", { name: "Lưu" }).click();
      await page.waitForURL(/\/plans\/\d+\/show\/targets/, { timeout: 15_000 });
      expect((await admin.trpc.targets.getOne.query({ id: ids.bangMacNurseryTarget })).data.value).toBe(56.2);
    });

    it("adds a roadmap milestone to the target, shown with the plan's targets", async () => {
      await page.goto(`${base}/#/targets/${ids.bangMacNurseryTarget}`);
      // The roadmap editor on the target page: a row of years.
      await page.getByTestId("roadmap-2027").fill("50");
      await page.getByTestId("roadmap-save").click();
      await page.getByText("Đã lưu lộ trình").waitFor({ timeout: 15_000 });
      await page.goto(`${base}/#/plans/${ids.bangMacPlan}/show/targets`);
      await expect.poll(() => page.getByTestId("roadmap").allInnerTexts(), { timeout: 30_000 }).toContain("2027: 50%");
    });

    it("explains a conflict when the target changed after the form was opened, even once the page refreshed", async () => {
      await page.goto(`${base}/#/targets/${ids.bangMacNurseryTarget}`);
      await page.reload(); // a fresh page: the form shows the record as fetched now, nothing else in flight
      const value = page.getByTestId("input-value");
      await expect.poll(() => value.inputValue(), { timeout: 30_000 }).toBe("56,2");
      await value.fill("57");
      // Meanwhile the province officer changes the same target…
      const stored = (await province.trpc.targets.getOne.query({ id: ids.bangMacNurseryTarget })).data;
      await province.trpc.targets.update.mutate({ id: ids.bangMacNurseryTarget, data: { value: 56.5, conditionVi: "Sửa bởi Sở" }, version: stored.version });
      // …and the page refetches the record (the app bar's refresh button): the change typed is kept.
      await page.getByRole("button", { name: "Làm mới" }).first().click();
      await expect.poll(() => page.locator('textarea[name="conditionVi"]').first().inputValue(), { timeout: 15_000 }).toBe("Sửa bởi Sở");
      expect(await value.inputValue()).toBe("57");
      await page.getByRole("button", { name: "Lưu" }).click();
      const banner = page.getByTestId("conflict-banner");
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.innerText()).toMatch(/đã được người khác sửa/);
      expect(await page.locator(".MuiSnackbarContent-message, [role=alert]").allInnerTexts()).toEqual(
        expect.arrayContaining([expect.stringMatching(/đã được người khác sửa/)]),
      );
      await screenshot(page, "target-conflict");
      expect((await admin.trpc.targets.getOne.query({ id: ids.bangMacNurseryTarget })).data.value).toBe(56.5);
      // "Làm mới" on the banner loads the latest version into the form.
      await banner.getByRole("button", { name: "Làm mới" }).click();
      await expect.poll(() => value.inputValue(), { timeout: 15_000 }).toBe("56,5");
      await expect.poll(() => banner.count()).toBe(0);
    });

    it("cannot open another commune's plan", async () => {
      await page.goto(`${base}/#/plans/${ids.dongDangPlan}/show`);
      const error = page.getByTestId("error-state");
      await error.waitFor({ timeout: 30_000 });
      expect(await error.getAttribute("data-status")).toBe("403");
      expect(await error.innerText()).toContain("nằm ngoài địa bàn");
      await screenshot(page, "access-denied");
      // Nor does it appear in the plans they can list.
      await page.goto(`${base}/#/plans`);
      await page.locator("table tbody tr").first().waitFor();
      const rows = await page.locator("table tbody").innerText();
      expect(rows).toContain("Bằng Mạc");
      expect(rows).not.toContain("Đồng Đăng");
    });

    it("lists this year's tasks with one click", async () => {
      await page.goto(`${base}/#/tasks`);
      await page.locator("table tbody tr").first().waitFor({ timeout: 30_000 });
      const all = await page.locator("table tbody tr").count();
      await page.getByTestId("due-this-year").click();
      await expect.poll(() => page.url()).toContain("dueYear");
      await page.locator("table tbody tr").first().waitFor();
      const due = await page.locator("table tbody tr").count();
      expect(due).toBeGreaterThan(0);
      expect(due).toBeLessThanOrEqual(all);
    });
  });

  describe("as the Lạng Sơn province officer", () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newContext(browser);
      page = await context.newPage();
      await logIn(page, base, "langson.officer");
    });
    afterAll(async () => {
      await context?.close();
    });

    it("browses the province plan 243/KH-UBND: its document, targets and cascade", async () => {
      await page.goto(`${base}/#/plans`);
      await page.getByText("243/KH-UBND").first().click();
      await page.waitForURL(new RegExp(`/plans/${ids.langSonPlan}/show`));
      await page.getByTestId("plan-title").waitFor();
      await expect.poll(() => page.locator("header").innerText()).toContain("Kế hoạch số 243/KH-UBND");
      // The parent plan (the national strategy, above the officer's area) is named from the cascade procedure.
      await expect.poll(() => page.locator("main").innerText(), { timeout: 15_000 }).toContain("1705/QĐ-TTg");
      for (const text of ["Kế hoạch số 243/KH-UBND", "21/09/2025", "Tỉnh Lạng Sơn", "Dương Xuân Huyên"])
        await expect.poll(() => page.locator("body").innerText(), { timeout: 15_000 }).toContain(text);
      await screenshot(page, "plan-show");

      await page.getByRole("tab", { name: "Chỉ tiêu và lộ trình" }).click();
      await page.locator('[data-testid="target-value"]').first().waitFor({ timeout: 30_000 });
      // (the unit comes with the indicators, fetched in one batch after the targets)
      await expect.poll(() => page.locator('[data-testid="target-value"]').allInnerTexts(), { timeout: 15_000 }).toContain("≥ 48,5%");
      await screenshot(page, "plan-targets");

      await page.getByRole("tab", { name: "So sánh với cấp trên" }).click();
      await page.getByTestId("cascade-tab").waitFor({ timeout: 30_000 });
      expect(await page.getByTestId("cascade-tab").innerText()).toContain("1705/QĐ-TTg");
    });

    it("switches to English and back to Vietnamese", async () => {
      await page.goto(`${base}/#/plans/${ids.langSonPlan}/show`);
      await page.getByTestId("plan-title").waitFor();
      await page.locator('header button[aria-controls="simple-menu"]').click();
      await page.getByRole("menuitem", { name: "English" }).click();
      await page.getByRole("tab", { name: "Targets and roadmap" }).waitFor();
      for (const text of ["Plan No. 243/KH-UBND", "21 Sept 2025", "Plans", "Lạng Sơn Province"])
        await expect.poll(() => page.locator("body").innerText(), { timeout: 15_000 }).toContain(text);
      await screenshot(page, "plan-show-en");

      await page.locator('header button[aria-controls="simple-menu"]').click();
      await page.getByRole("menuitem", { name: "Tiếng Việt" }).click();
      await page.getByRole("tab", { name: "Chỉ tiêu và lộ trình" }).waitFor();
      await expect.poll(() => page.locator("body").innerText()).toContain("21/09/2025");
    });

    it("in English, every page that names a plan shows its English title (the plan, its parent, the cascade, the dashboards, the report)", async () => {
      const BANG_MAC_EN = "Resolution approving the plan to implement the Education Development Strategy";
      const LANG_SON_EN = "Plan implementing People's Council Resolution 47/NQ-HĐND";
      const VIETNAMESE_TITLES = /Nghị quyết phê duyệt Kế hoạch|Kế hoạch triển khai thực hiện Nghị quyết|Quyết định phê duyệt Chiến lược/;
      const bangMacReport = await (async () => {
        const officer = await apiClient(base).login("bangmac.officer");
        const me = (await officer.trpc.localities.list.query({ filter: { code: "bang-mac" } })).data[0]!.id;
        return (await officer.trpc.reports.list.query({ filter: { localityId: me }, sort: { field: "id", order: "DESC" } })).data[0]!.id;
      })();
      await page.goto(`${base}/#/plans/${ids.bangMacPlan}/show`);
      await page.getByTestId("plan-title").waitFor();
      await page.locator('header button[aria-controls="simple-menu"]').click();
      await page.getByRole("menuitem", { name: "English" }).click();
      await page.getByRole("tab", { name: "Targets and roadmap" }).waitFor();
      const body = () => page.locator("main").innerText();
      // The plan (its parent is named by its number, 243/KH-UBND).
      await expect.poll(body, { timeout: 15_000 }).toContain(BANG_MAC_EN);
      expect(await body()).not.toMatch(VIETNAMESE_TITLES);
      await page.getByRole("tab", { name: "Against the parent plan" }).click();
      await page.getByTestId("cascade-tab").waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId("cascade-tab").innerText(), { timeout: 15_000 }).toContain(LANG_SON_EN);
      expect(await page.getByTestId("cascade-tab").innerText()).not.toMatch(VIETNAMESE_TITLES);
      // The province's dashboard, consolidation and area dashboard; the commune's report (its plan).
      for (const [hash, text] of [
        ["#/", LANG_SON_EN],
        ["#/consolidation", LANG_SON_EN],
        ["#/area-dashboard", LANG_SON_EN],
        [`#/reports/${bangMacReport}/show`, BANG_MAC_EN],
      ] as const) {
        await page.goto(`${base}/${hash}`);
        await expect.poll(body, { timeout: 30_000 }).toContain(text);
        expect(await body(), hash).not.toMatch(VIETNAMESE_TITLES);
      }
      await page.goto(`${base}/#/plans/${ids.bangMacPlan}/show`);
      await page.locator('header button[aria-controls="simple-menu"]').click();
      await page.getByRole("menuitem", { name: "Tiếng Việt" }).click();
      await page.getByRole("tab", { name: "Chỉ tiêu và lộ trình" }).waitFor();
    });
  });

  describe("as the system administrator", () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newContext(browser);
      page = await context.newPage();
      await logIn(page, base, "admin");
    });
    afterAll(async () => {
      await context?.close();
    });

    it("sets up a province with the wizard: a refused target value is shown on its row, then the province is created", async () => {
      await page.goto(`${base}/#/province-setup`);
      const field = (path: string) => page.locator(`input[data-path="${path}"]`);
      await field("province.nameVi").fill("Tỉnh Thử Nghiệm");
      expect(await field("province.code").inputValue()).toBe("thu-nghiem");
      await page.getByRole("button", { name: "Tiếp tục" }).click();
      await page.getByRole("button", { name: "Thêm xã, phường" }).click();
      await field("localities.0.nameVi").fill("Xã Thử Một");
      expect(await field("localities.0.code").inputValue()).toBe("thu-mot");
      await page.getByRole("button", { name: "Tiếp tục" }).click();
      await page.getByRole("button", { name: "Thêm UBND tỉnh, Sở GD&ĐT, Sở Tài chính" }).click();
      await page.getByRole("button", { name: "Tiếp tục" }).click();
      await page.getByLabel(/Dạy (học )?tiếng Trung Quốc/).check();
      await page.getByRole("button", { name: "Tiếp tục" }).click();
      await field("plans.0.titleVi").fill("Kế hoạch phát triển giáo dục tỉnh Thử Nghiệm");
      await field("plans.0.code").fill("thu-nghiem-2026");
      await page.getByRole("combobox", { name: "Kế hoạch cấp trên (sao chép chỉ tiêu)" }).click();
      await page.getByRole("option", { name: /243\/KH-UBND/ }).click();
      await page.getByRole("button", { name: "Sao chép chỉ tiêu của kế hoạch cấp trên" }).click();
      const nursery = page.locator('[data-testid="wizard-target"]', { hasText: "ecec.nursery.enrolment_rate" }).first();
      await nursery.waitFor({ timeout: 30_000 });
      const nurseryValue = nursery.getByTestId("wizard-target-value");
      expect(await nurseryValue.inputValue()).toBe("48,5");
      // The copied target has its own, neutral wording — never the parent's sentence about Lạng Sơn — which the officer rewrites.
      const phrase = nursery.getByTestId("wizard-target-phrase");
      expect(await phrase.inputValue()).toBe("Tỷ lệ huy động trẻ nhà trẻ đến trường");
      const phrases = await page.getByTestId("wizard-target-phrase").evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
      expect(phrases.length).toBeGreaterThan(10);
      expect(phrases.filter((p) => /Lạng Sơn/.test(p))).toEqual([]);
      await phrase.fill("Tỷ lệ huy động trẻ nhà trẻ đến trường của tỉnh đạt 52%");
      await phrase.blur();
      await nurseryValue.fill("140");
      await nurseryValue.blur();
      await page.getByRole("button", { name: "Tiếp tục" }).click();
      await page.getByTestId("wizard-apply").click();
      // Refused whole: back on the plan step, the message under the target's value.
      await expect.poll(() => nursery.innerText(), { timeout: 15_000 }).toMatch(/vượt quá 100/);
      expect(await page.getByTestId("wizard-outcome").innerText()).toMatch(/chưa có gì được ghi|không hợp lệ/);
      await nursery.scrollIntoViewIfNeeded();
      await screenshot(page, "wizard-error");
      expect((await admin.trpc.localities.list.query({ filter: { code: "thu-nghiem" } })).total).toBe(0);

      await nurseryValue.fill("52");
      await nurseryValue.blur();
      await page.getByRole("button", { name: "Tiếp tục" }).click();
      // The review step reads as text, not as a dump of the file.
      await page.getByTestId("wizard-apply").waitFor();
      const review = await page.locator("#main-content, main").first().innerText();
      expect(review).not.toMatch(/[{}]"|":/);
      await screenshot(page, "wizard-review");
      await page.getByTestId("wizard-apply").click();
      await expect.poll(() => page.getByTestId("wizard-outcome").innerText(), { timeout: 30_000 }).toMatch(/Đã thiết lập tỉnh/);
      await screenshot(page, "wizard-done");
      expect((await admin.trpc.localities.list.query({ filter: { code: "thu-nghiem" } })).total).toBe(1);
      const plan = (await admin.trpc.plans.list.query({ filter: { code: "thu-nghiem-2026" } })).data[0]!;
      const targets = await admin.trpc.targets.list.query({ filter: { planId: plan.id, indicatorId: ids.nurseryIndicator } });
      expect(targets.data.map((t) => t.value)).toContain(52);
      expect(targets.data.map((t) => t.phraseVi)).toContain("Tỷ lệ huy động trẻ nhà trẻ đến trường của tỉnh đạt 52%");
      const all = await admin.trpc.targets.list.query({ filter: { planId: plan.id }, pagination: { page: 1, perPage: 1000 } });
      expect(all.data.filter((t) => /Lạng Sơn/.test(String(t.phraseVi ?? "")))).toEqual([]);
    });

    it("reads the audit log in Vietnamese: actions, resources and people named, no internal codes", async () => {
      await page.goto(`${base}/#/auditLog`);
      const table = page.locator("table").first();
      await table.locator("tbody tr").first().waitFor({ timeout: 30_000 });
      const text = await table.innerText();
      expect(text).toMatch(/Tạo|Sửa|Duyệt|Nhập|Gửi|Xóa/);
      // No action, resource or field names of the code, no "system" in English.
      expect(text).not.toMatch(/\b(create|update|delete|approve|saveValues|publish)\b|\b[a-z]+[A-Z][A-Za-z]*\b|\bsystem\b/);
      await screenshot(page, "audit-log");
    });
  });
});
