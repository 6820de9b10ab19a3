/**
 * Dates in the console are picked with the MUI X date picker in the user's language: dd/mm/yyyy and Vietnamese texts
 * in Vietnamese (whatever the browser's locale), the British day-first form in English. The province officer picks a
 * plan's date of issue in the calendar, saves, and the API stores the ISO date; in English the same date reads
 * day first and a date typed on the keyboard is stored as typed.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiClient, describeInBrowser, launchBrowser, logIn, newContext, recordConsole, screenshot, startE2eServer, type E2eServer } from "./helpers";

describeInBrowser("date pickers in headless Chromium", () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let log: string[];
  let officer: Awaited<ReturnType<ReturnType<typeof apiClient>["login"]>>;
  let planId = 0;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    officer = await apiClient(server.url).login("langson.officer");
    planId = (await officer.trpc.plans.list.query({ filter: { code: "lang-son-243-2025" } })).data[0]!.id;
    context = await newContext(browser);
    page = await context.newPage();
    log = recordConsole(page);
    await logIn(page, server.url, "langson.officer");
  });
  afterAll(async () => {
    if (log.length) console.log(log.join("\n"));
    await browser?.close();
    await server?.stop();
  });

  const issuedOn = () => page.getByTestId("date-issuedOn");
  const stored = async () => (await officer.trpc.plans.getOne.query({ id: planId })).data.issuedOn;

  it("in Vietnamese: shows 21/09/2025, picks 15 in the calendar, and the plan stores 2025-09-15", async () => {
    await page.goto(`${server.url}/#/plans/${planId}/edit`);
    await expect.poll(() => issuedOn().inputValue(), { timeout: 30_000 }).toBe("21/09/2025");
    await page.getByRole("button", { name: /^Chọn ngày/ }).click();
    const calendar = page.getByRole("dialog");
    await calendar.getByRole("gridcell", { name: "15" }).click();
    await expect.poll(() => issuedOn().inputValue()).toBe("15/09/2025");
    await screenshot(page, "date-picker-vi");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(stored, { timeout: 15_000 }).toBe("2025-09-15");
    // The form's own end of the save (its redirect to the plan's page) before the next test navigates: the API can
    // answer the poll above between the commit and the browser's receipt of its own answer.
    await page.waitForURL(`${server.url}/#/plans/${planId}/show`, { timeout: 15_000 });
  });

  it("in English: the same date day first, a date typed on the keyboard is stored as typed", async () => {
    await page.goto(`${server.url}/#/plans/${planId}/edit`);
    await page.reload(); // the app bar, hidden while the form scrolled, back at the top
    await expect.poll(() => issuedOn().inputValue(), { timeout: 30_000 }).toBe("15/09/2025");
    await page.locator('header button[aria-controls="simple-menu"]').click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await expect.poll(() => issuedOn().inputValue(), { timeout: 30_000 }).toBe("15/09/2025");
    expect(await page.getByRole("button", { name: /^Choose date/ }).count()).toBe(1);
    // Typed section by section: day, month, year.
    await page.getByRole("spinbutton", { name: "Day" }).click();
    await page.keyboard.type("01102025");
    await expect.poll(() => issuedOn().inputValue()).toBe("01/10/2025");
    await screenshot(page, "date-picker-en");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(stored, { timeout: 15_000 }).toBe("2025-10-01");
  });
});
