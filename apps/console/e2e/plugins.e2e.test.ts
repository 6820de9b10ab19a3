/**
 * Plugins in a real browser: the plugin's menu follows the province's choice (it disappears when an administrator
 * disables the plugin and comes back when it is enabled again, with the data recorded before), and a plugin form,
 * rendered from its zod schema by the console's generic renderer, records data through the API.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { apiClient, describeInBrowser, launchBrowser, logIn, newContext, recordConsole, screenshot, startE2eServer, type E2eServer } from "./helpers";

describeInBrowser("plugins in the console (headless Chromium)", () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let log: string[];
  let admin: ReturnType<typeof apiClient>;
  let langSon = 0;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    admin = await apiClient(server.url).login("admin");
    langSon = (await admin.trpc.localities.list.query({ filter: { code: "lang-son" } })).data[0]!.id;
    page = await (await newContext(browser)).newPage();
    log = recordConsole(page);
    await logIn(page, server.url, "bangmac.officer");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const menu = (id: string) => page.getByTestId(`plugin-menu-${id}`);

  it("the menu shows the plugins enabled for the user's province (Lạng Sơn: geopark and Chinese; not boarding schools)", async () => {
    await menu("geopark-education").waitFor({ timeout: 30_000 });
    await expect(menu("geopark-education").getByText("Chuyến tham quan, học tập").count()).resolves.toBe(1);
    await expect(menu("chinese-language").count()).resolves.toBe(1);
    await expect(menu("boarding-schools").count()).resolves.toBe(0);
    await expect(page.getByTestId("geopark-field-trips-widget").count()).resolves.toBe(1);
    await screenshot(page, "plugins-menu");
  });

  it("a plugin form, rendered from its zod schema, records data through the API", async () => {
    await menu("geopark-education").getByText("Giáo dục nghệ thuật, di sản, công viên địa chất").click();
    await page.getByRole("link", { name: /tạo|create/i }).first().click();
    await page.getByRole("combobox", { name: /Đơn vị/ }).click();
    await page.getByRole("option", { name: "Trường Tiểu học Bằng Mạc" }).click();
    await page.getByRole("combobox", { name: /Năm học/ }).click();
    await page.getByRole("option", { name: "2025-2026" }).click();
    await page.getByLabel(/Tổng số học sinh/).fill("240");
    await page.getByLabel(/Số học sinh được tiếp cận/).fill("180");
    await screenshot(page, "plugins-form");
    await page.getByRole("button", { name: /lưu|save/i }).click();
    await page.getByText("Trường Tiểu học Bằng Mạc").first().waitFor({ timeout: 30_000 });
    const records = await admin.trpc.pluginRecords.list.query({ filter: { pluginId: "geopark-education", formId: "reach" } });
    expect(records.data.map((r) => r.data)).toContainEqual({ schoolYear: "2025-2026", enrolment: 240, pupilsReached: 180 });
    expect(records.data[0]).toMatchObject({ year: 2026 });
  });

  it("disabling the plugin for Lạng Sơn removes its menu; enabling it again brings it back, with the data", async () => {
    await admin.trpc.pluginSettings.update.mutate({ localityId: langSon, pluginId: "geopark-education", enabled: false });
    await page.reload();
    await menu("chinese-language").waitFor({ timeout: 30_000 });
    await expect(menu("geopark-education").count()).resolves.toBe(0);
    await screenshot(page, "plugins-disabled");

    await admin.trpc.pluginSettings.update.mutate({ localityId: langSon, pluginId: "geopark-education", enabled: true });
    await page.reload();
    await menu("geopark-education").waitFor({ timeout: 30_000 });
    await menu("geopark-education").getByText("Giáo dục nghệ thuật, di sản, công viên địa chất").click();
    await page.getByText("240").first().waitFor({ timeout: 30_000 });
    expect(log.filter((l) => !/Failed to load resource/.test(l))).toEqual([]);
  });

  it("an administrator switches plugins per province on the Plugins page", async () => {
    const adminPage = await (await newContext(browser)).newPage();
    await logIn(adminPage, server.url, "admin");
    await adminPage.goto(`${server.url}/#/plugins`);
    const laiChauGeopark = adminPage.getByTestId("plugin-switch-lai-chau-geopark-education");
    await laiChauGeopark.waitFor({ timeout: 30_000 });
    expect(await laiChauGeopark.isChecked()).toBe(false);
    expect(await adminPage.getByTestId("plugin-switch-lai-chau-boarding-schools").isChecked()).toBe(true);
    await laiChauGeopark.click();
    await expect.poll(async () => (await admin.trpc.pluginSettings.list.query({ filter: { pluginId: "geopark-education" } })).data.find((r) => r.localityCode === "lai-chau")?.enabled).toBe(true);
    await screenshot(adminPage, "plugins-settings");
  });
});
