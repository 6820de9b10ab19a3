/**
 * Sessions and the HTTP server: login/logout/me, the session cookie, hashed session storage, expiry, login rate
 * limiting, /healthz and the console's static files.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { schema } from "@eduplan/db";
import { createClient, DEMO_PASSWORD, errorOf, loginAs, startTestServer, type TestServer } from "./testing.js";
import { startServer, type RunningServer } from "./server.js";

let server: TestServer;
/** A second server on the same database: one-second sessions and a console directory. */
let shortLived: RunningServer;
let consoleDir: string;

beforeAll(async () => {
  // a long first back-off (10 minutes), so that nothing in this file waits it out
  server = await startTestServer({ consoleDir: null, loginRateLimit: { maxAttempts: 5, maxAttemptsPerIp: 10, baseDelayMs: 10 * 60_000, maxDelayMs: 15 * 60_000 } });
  consoleDir = join(server.dir, "console");
  mkdirSync(join(consoleDir, "assets"), { recursive: true });
  writeFileSync(join(consoleDir, "index.html"), "<!doctype html><title>EduPlan</title><div id=root></div>");
  writeFileSync(join(consoleDir, "assets", "app-3f2a.js"), "console.log('eduplan')");
  writeFileSync(join(consoleDir, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  shortLived = await startServer({ dbFile: server.dbFile, port: 0, sessionHours: 1 / 3600, consoleDir, logError: () => {}, logLevel: "silent" });
});
afterAll(async () => {
  await shortLived?.close();
  await server?.stop();
});

const loginRaw = (baseUrl: string, username: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(baseUrl).origin, ...headers },
    body: JSON.stringify({ username, password }),
  });

describe("auth", () => {
  test("login sets an httpOnly, SameSite=Lax session cookie and stores only its SHA-256; a client's X-Forwarded-Proto does not make it Secure", async () => {
    const res = await loginRaw(server.url, "langson.officer", DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^eduplan_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const token = /^eduplan_session=([^;]+)/.exec(cookie!)![1]!;
    const rows = await server.db.select().from(schema.sessions);
    expect(rows.some((r) => r.tokenHash === createHash("sha256").update(token).digest("hex"))).toBe(true);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    const session = rows.find((r) => r.tokenHash === createHash("sha256").update(token).digest("hex"))!;
    expect(Date.parse(session.expiresAt) - Date.parse(session.createdAt)).toBe(12 * 3_600_000);

    const spoofed = await loginRaw(server.url, "langson.officer", DEMO_PASSWORD, { "x-forwarded-proto": "https" });
    expect(spoofed.status).toBe(200);
    expect(spoofed.headers.getSetCookie()[0]).not.toMatch(/Secure/);
  });

  test("auth.me: the user without its password hash, its locality and its permissions", async () => {
    const client = await loginAs(server.url, "langson.officer");
    const me = await client.trpc.auth.me.query();
    expect(me.user).toMatchObject({ username: "langson.officer", role: "province_officer", locale: "vi", isActive: true });
    expect(me.user).not.toHaveProperty("passwordHash");
    expect(me.locality).toMatchObject({ code: "lang-son", nameVi: "Tỉnh Lạng Sơn" });
    expect(me.permissions.isAdmin).toBe(false);
    expect(me.permissions.scopeLocalityId).toBe(me.locality!.id);
    expect(me.permissions.canWrite).toMatchObject({ localities: true, agencies: true, plans: true, targets: true, indicatorValues: true, indicators: false, users: false });
    expect(me.permissions.canRead).toMatchObject({ indicators: true, users: false, auditLog: false });
    const commune = await (await loginAs(server.url, "bangmac.officer")).trpc.auth.me.query();
    expect(commune.permissions.canWrite).toMatchObject({ localities: false, agencies: false, plans: true, targets: true, milestones: true, indicatorValues: true });
    const viewer = await (await loginAs(server.url, "muongte.viewer")).trpc.auth.me.query();
    expect(Object.values(viewer.permissions.canWrite).some(Boolean)).toBe(false);
    const adminMe = await (await loginAs(server.url, "admin")).trpc.auth.me.query();
    expect(adminMe.permissions.isAdmin).toBe(true);
    expect(Object.values(adminMe.permissions.canRead).every(Boolean)).toBe(true);
  });

  test("a wrong password or an unknown user → UNAUTHORIZED with a bilingual message; not logged in → UNAUTHORIZED", async () => {
    const wrong = await errorOf(createClient(server.url).trpc.auth.login.mutate({ username: "admin", password: "wrong-password" }));
    expect(wrong.data.code).toBe("UNAUTHORIZED");
    expect(wrong.data.eduplan!.message).toEqual({ vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "Wrong username or password." });
    const unknown = await errorOf(createClient(server.url).trpc.auth.login.mutate({ username: "nobody", password: "whatever-1" }));
    expect(unknown.data.code).toBe("UNAUTHORIZED");
    const anon = await errorOf(createClient(server.url).trpc.auth.me.query());
    expect(anon.data.code).toBe("UNAUTHORIZED");
    expect(anon.data.httpStatus).toBe(401);
  });

  test("logout ends the session: the old cookie no longer works", async () => {
    const client = await loginAs(server.url, "langson.viewer");
    const token = client.jar.session;
    expect((await client.trpc.auth.me.query()).user.username).toBe("langson.viewer");
    await client.trpc.auth.logout.mutate();
    expect(client.jar.session).toBe("");
    expect((await errorOf(client.trpc.auth.me.query())).data.code).toBe("UNAUTHORIZED");
    client.jar.session = token; // replay the old cookie
    expect((await errorOf(client.trpc.auth.me.query())).data.code).toBe("UNAUTHORIZED");
    expect(await createClient(server.url).trpc.auth.logout.mutate()).toEqual({ ok: true }); // logging out twice is fine
    const audit = await (await loginAs(server.url, "admin")).trpc.auditLog.list.query({ filter: { username: "langson.viewer", action: ["login", "logout"] } });
    expect(audit.data.map((e) => e.action)).toEqual(expect.arrayContaining(["login", "logout"]));
  });

  test("a new password or a deactivated account ends the user's sessions", async () => {
    const admin = await loginAs(server.url, "admin");
    const me = await admin.trpc.auth.me.query();
    const created = (
      await admin.trpc.users.create.mutate({ data: { username: "tam.thoi", displayName: "Tạm thời", role: "viewer", localityId: 2, password: "mat-khau-cu-1" } })
    ).data;
    const user = await loginAs(server.url, "tam.thoi", "mat-khau-cu-1");
    const updated = (await admin.trpc.users.update.mutate({ id: created.id, version: created.version, data: { password: "mat-khau-moi-2" } })).data;
    expect((await errorOf(user.trpc.auth.me.query())).data.code).toBe("UNAUTHORIZED");
    const again = await loginAs(server.url, "tam.thoi", "mat-khau-moi-2");
    await admin.trpc.users.update.mutate({ id: created.id, version: updated.version, data: { isActive: false } });
    expect((await errorOf(again.trpc.auth.me.query())).data.code).toBe("UNAUTHORIZED");
    expect((await errorOf(createClient(server.url).trpc.auth.login.mutate({ username: "tam.thoi", password: "mat-khau-moi-2" }))).data.code).toBe("UNAUTHORIZED");
    expect((await admin.trpc.auth.me.query()).user.id).toBe(me.user.id);
  });

  test("sessions expire (a one-second session), and the expired session is removed", async () => {
    const client = await loginAs(shortLived.url, "bangmac.officer");
    const hash = createHash("sha256").update(client.jar.session).digest("hex");
    const stored = (await server.db.select().from(schema.sessions)).find((r) => r.tokenHash === hash)!;
    // The configured lifetime: one second after it was opened (no waiting on the clock, whatever the machine's speed).
    expect(Date.parse(stored.expiresAt) - Date.parse(stored.createdAt)).toBe(1000);
    server.db.$client.prepare("update sessions set created_at = ?, expires_at = ? where token_hash = ?").run(new Date(Date.now() - 61_000).toISOString(), new Date(Date.now() - 60_000).toISOString(), hash);
    const expired = await errorOf(client.trpc.auth.me.query());
    expect(expired.data.code).toBe("UNAUTHORIZED");
    expect(expired.data.eduplan!.message.vi).toMatch(/đăng nhập/);
    expect((await server.db.select().from(schema.sessions)).some((r) => r.tokenHash === hash)).toBe(false);
  });

  test("login back-off: 5 failures for a username → TOO_MANY_REQUESTS (even with the right password); too many from one address → refused for everyone", async () => {
    const anon = createClient(server.url);
    for (let i = 0; i < 5; i++) expect((await errorOf(anon.trpc.auth.login.mutate({ username: "dongdang.officer", password: `wrong-${i}` }))).data.code).toBe("UNAUTHORIZED");
    const limited = await errorOf(anon.trpc.auth.login.mutate({ username: "dongdang.officer", password: DEMO_PASSWORD }));
    expect(limited.data.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.data.httpStatus).toBe(429);
    expect(limited.data.eduplan!.message.vi).toMatch(/Đăng nhập sai quá nhiều lần.*10 phút/);
    expect(limited.data.eduplan!.message.en).toMatch(/Too many failed logins.*10 minute/);
    // the username is limited, not yet the whole address (10 failures allowed per address in this file)…
    expect((await loginAs(server.url, "laichau.officer")).jar.session).not.toBe("");
    // …until the address has failed 10 times: then even a right password of another user is refused
    let failures = 0;
    while ((await errorOf(anon.trpc.auth.login.mutate({ username: `nobody-${failures}`, password: "wrong" }))).data.code === "UNAUTHORIZED") {
      failures++;
      expect(failures).toBeLessThan(10);
    }
    expect((await errorOf(anon.trpc.auth.login.mutate({ username: "admin", password: DEMO_PASSWORD }))).data.code).toBe("TOO_MANY_REQUESTS");
    // another server process (its own limiter) is not affected: the limiter is in memory
    expect((await loginAs(shortLived.url, "dongdang.officer")).jar.session).not.toBe("");
  });
});

describe("HTTP server", () => {
  test("/healthz answers 200 with the database status", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  test("without a built console: / describes the API, other paths are 404", async () => {
    expect(server.consoleDir).toBeNull();
    expect(await (await fetch(`${server.url}/`)).json()).toMatchObject({ trpc: "/trpc", healthz: "/healthz" });
    expect((await fetch(`${server.url}/plans`)).status).toBe(404);
  });

  test("serves the console: files with their content types, SPA fallback to index.html", async () => {
    const index = await fetch(`${shortLived.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(index.headers.get("cache-control")).toBe("no-cache");
    expect(await index.text()).toContain("<title>EduPlan</title>");
    const js = await fetch(`${shortLived.url}/assets/app-3f2a.js`);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect(await js.text()).toBe("console.log('eduplan')");
    expect((await fetch(`${shortLived.url}/favicon.svg`)).headers.get("content-type")).toBe("image/svg+xml");
    const route = await fetch(`${shortLived.url}/plans/3/show?tab=targets`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain("<title>EduPlan</title>");
    expect((await fetch(`${shortLived.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${shortLived.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${shortLived.url}/trpc/auth.me`)).status).toBe(401);
  });

  test("no directory traversal out of the console directory", async () => {
    const raw = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${shortLived.url}${path}`, { method: "GET" }, (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.end();
      });
    // the database file sits next to the console directory in this test
    for (const path of ["/../eduplan.db", "/..%2feduplan.db", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2feduplan.db", "/%00index.html"]) {
      const { status, body } = await raw(path);
      // refused, or (the URL parser resolved the dots within the site) the console's index.html
      if (status === 200) expect(body, path).toContain("<title>EduPlan</title>");
      else expect([400, 403, 404], path).toContain(status);
      expect(body).not.toMatch(/SQLite format|root:/);
    }
  });
});
