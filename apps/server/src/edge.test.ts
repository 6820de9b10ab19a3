/**
 * The server's edge over real HTTP on loopback: every security header and cookie flag, compression and caching of
 * the console, the same-origin and JSON-only rules of mutations, body and batch limits, the login back-off (per
 * address, with the trusted-proxy mode taking the right address; the owner never locked out), request ids in the JSON
 * logs, and a graceful close that lets in-flight writes finish.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Writable } from "node:stream";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closeDatabase, openDatabase, schema } from "@eduplan/db";
import { DEMO_PASSWORD, loginAs, startTestServer, type TestServer } from "./testing.js";
import { startServer } from "./server.js";

let server: TestServer;
let consoleDir: string;

beforeAll(async () => {
  server = await startTestServer({ consoleDir: null, limits: { jsonBodyBytes: 64 * 1024, uploadBodyBytes: 256 * 1024, maxBatchSize: 10 } });
  consoleDir = join(server.dir, "console");
  mkdirSync(join(consoleDir, "assets"), { recursive: true });
  writeFileSync(join(consoleDir, "index.html"), "<!doctype html><title>EduPlan</title><div id=root></div>");
  writeFileSync(join(consoleDir, "assets", "index-3f2a9c.js"), `console.log(${JSON.stringify("EduPlan ".repeat(2000))});`);
});
afterAll(async () => {
  await server?.stop();
});

const post = (url: string, body: string, headers: Record<string, string>) => fetch(url, { method: "POST", headers, body });
const json = { "content-type": "application/json" };
const sameOrigin = (base: string) => ({ ...json, origin: new URL(base).origin });

type EdgeError = { error: { message: string; data: { code: string; httpStatus: number; eduplan: { reason: string; message: { vi: string; en: string } } } } };

describe("security headers and cookie flags", () => {
  test("every response: CSP the console passes (frame-ancestors 'none'), no framing, Referrer-Policy, nosniff; no HSTS over plain HTTP", async () => {
    const withConsole = await startServer({ dbFile: server.dbFile, port: 0, consoleDir, logLevel: "silent" });
    try {
      for (const url of [`${withConsole.url}/`, `${withConsole.url}/assets/index-3f2a9c.js`, `${withConsole.url}/trpc/auth.me`, `${withConsole.url}/healthz`]) {
        const res = await fetch(url);
        const csp = res.headers.get("content-security-policy") ?? "";
        const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(" ")]));
        expect(directives, url).toMatchObject({
          "default-src": "'self'",
          "script-src": "'self'",
          "style-src": "'self' 'unsafe-inline'",
          "connect-src": "'self'",
          "object-src": "'none'",
          "base-uri": "'self'",
          "form-action": "'self'",
          "frame-ancestors": "'none'",
        });
        expect(csp).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
        expect(res.headers.get("x-frame-options"), url).toBe("DENY");
        expect(res.headers.get("referrer-policy"), url).toBe("same-origin");
        expect(res.headers.get("x-content-type-options"), url).toBe("nosniff");
        expect(res.headers.get("cross-origin-opener-policy"), url).toBe("same-origin");
        expect(res.headers.get("cross-origin-resource-policy"), url).toBe("same-origin");
        expect(res.headers.get("strict-transport-security"), url).toBeNull();
        expect(res.headers.get("x-powered-by"), url).toBeNull();
        expect(res.headers.get("x-request-id"), url).toMatch(/^[0-9a-f-]{36}$/);
      }
    } finally {
      await withConsole.close();
    }
  });

  test("session cookie: HttpOnly, SameSite=Lax, Path=/, Max-Age; Secure (and HSTS) only from configuration, never from X-Forwarded-Proto", async () => {
    const plain = await post(`${server.url}/trpc/auth.login`, JSON.stringify({ username: "langson.viewer", password: DEMO_PASSWORD }), {
      ...sameOrigin(server.url),
      "x-forwarded-proto": "https",
    });
    expect(plain.status).toBe(200);
    const cookie = plain.headers.getSetCookie()[0]!;
    const flags = cookie.split(";").slice(1).map((f) => f.trim());
    expect(flags).toEqual(["Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=43200"]);
    expect(plain.headers.get("strict-transport-security")).toBeNull();

    const secure = await startServer({ dbFile: server.dbFile, port: 0, consoleDir: null, secureCookies: true, logLevel: "silent" });
    try {
      const res = await post(`${secure.url}/trpc/auth.login`, JSON.stringify({ username: "langson.viewer", password: DEMO_PASSWORD }), sameOrigin(secure.url));
      expect(res.headers.getSetCookie()[0]!.split(";").map((f) => f.trim())).toContain("Secure");
      expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
      const out = await post(`${secure.url}/trpc/auth.logout`, "", { origin: new URL(secure.url).origin, ...json });
      expect(out.headers.getSetCookie()[0]).toMatch(/^eduplan_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0; Secure$/);
    } finally {
      await secure.close();
    }
  });

  test("the console: hashed assets immutable and compressed (brotli, gzip), index.html no-cache, SPA routes get index.html", async () => {
    const withConsole = await startServer({ dbFile: server.dbFile, port: 0, consoleDir, logLevel: "silent" });
    try {
      const asset = `${withConsole.url}/assets/index-3f2a9c.js`;
      const br = await fetch(asset, { headers: { "accept-encoding": "br" } });
      expect(br.headers.get("content-encoding")).toBe("br");
      expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(br.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect(await br.text()).toContain("EduPlan EduPlan"); // fetch decodes it
      const gzip = await fetch(asset, { headers: { "accept-encoding": "gzip" } });
      expect(gzip.headers.get("content-encoding")).toBe("gzip");
      const identity = await fetch(asset, { headers: { "accept-encoding": "identity" } });
      expect(identity.headers.get("content-encoding")).toBeNull();
      const index = await fetch(`${withConsole.url}/`);
      expect(index.headers.get("cache-control")).toBe("no-cache");
      const route = await fetch(`${withConsole.url}/reports/12/show`);
      expect(route.status).toBe(200);
      expect(route.headers.get("cache-control")).toBe("no-cache");
      expect(await route.text()).toContain("<title>EduPlan</title>");
      expect((await fetch(`${withConsole.url}/assets/missing-123.js`)).status).toBe(404);
    } finally {
      await withConsole.close();
    }
  });
});

describe("mutations: same origin, JSON only", () => {
  const logout = (headers: Record<string, string>, body = "") => post(`${server.url}/trpc/auth.logout`, body, headers);

  test("no Origin, a foreign Origin, Origin: null or a cross-site fetch → 403 with a bilingual message; same origin → 200", async () => {
    for (const headers of [json, { ...json, origin: "https://evil.example" }, { ...json, origin: "null" }, { ...json, origin: "https://evil.example", "sec-fetch-site": "cross-site" }]) {
      const res = await logout(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      const body = (await res.json()) as EdgeError;
      expect(body.error.data.code).toBe("FORBIDDEN");
      expect(body.error.data.eduplan.message.vi).toMatch(/Chỉ chấp nhận thay đổi gửi từ chính các trang của EduPlan/);
      expect(body.error.data.eduplan.message.en).toMatch(/Origin/);
    }
    expect((await logout(sameOrigin(server.url))).status).toBe(200);
    expect((await logout({ ...json, "sec-fetch-site": "same-origin" })).status).toBe(200);
    // queries (GET) need no Origin
    expect((await fetch(`${server.url}/trpc/auth.me`)).status).toBe(401);
  });

  test("a cross-site form (multipart/form-data, text/plain, urlencoded) cannot log a user out: 415 with a bilingual message", async () => {
    const client = await loginAs(server.url, "langson.viewer");
    const cookie = `eduplan_session=${client.jar.session}`;
    const form = new FormData();
    form.set("x", "1");
    const multipart = await fetch(`${server.url}/trpc/auth.logout`, { method: "POST", body: form, headers: { cookie, origin: new URL(server.url).origin } });
    expect(multipart.status).toBe(415);
    const body = (await multipart.json()) as EdgeError;
    expect(body.error.data.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(body.error.data.eduplan.message.vi).toMatch(/API chỉ nhận yêu cầu dạng JSON.*multipart\/form-data/);
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const res = await logout({ cookie, origin: new URL(server.url).origin, "content-type": type }, "{}");
      expect(res.status, type).toBe(415);
    }
    // a cross-site form is refused for its origin first
    expect((await logout({ cookie, origin: "https://evil.example", "content-type": "text/plain" }, "{}")).status).toBe(403);
    expect((await client.trpc.auth.me.query()).user.username).toBe("langson.viewer"); // still logged in
  });

  test("allowedOrigins admits another origin (a development console)", async () => {
    const dev = await startServer({ dbFile: server.dbFile, port: 0, consoleDir: null, allowedOrigins: ["http://localhost:5173"], logLevel: "silent" });
    try {
      expect((await post(`${dev.url}/trpc/auth.logout`, "", { ...json, origin: "http://localhost:5173" })).status).toBe(200);
      expect((await post(`${dev.url}/trpc/auth.logout`, "", { ...json, origin: "http://localhost:5174" })).status).toBe(403);
    } finally {
      await dev.close();
    }
  });
});

describe("limits", () => {
  test("a body over the JSON limit → 413 naming the limit, before any login work; the server stays healthy", async () => {
    const big = JSON.stringify({ username: "admin", password: "x".repeat(100 * 1024) });
    const res = await post(`${server.url}/trpc/auth.login`, big, sameOrigin(server.url));
    expect(res.status).toBe(413);
    const body = (await res.json()) as EdgeError;
    expect(body.error.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.error.data.eduplan.message).toEqual({ vi: "Yêu cầu quá lớn: giới hạn là 64 KiB.", en: "The request is too large: the limit is 64 KiB." });
    // a chunked body (no Content-Length) is cut at the limit too
    const chunked = await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: sameOrigin(server.url),
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode("x".repeat(8 * 1024)));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await loginAs(server.url, "langson.viewer")).jar.session).not.toBe("");
  });

  test("the upload procedure has its own, larger limit, and names it", async () => {
    const client = await loginAs(server.url, "bangmac.officer");
    const cookie = `eduplan_session=${client.jar.session}`;
    // over the JSON limit, under the upload limit: reaches the procedure, which refuses the content (not a workbook)
    const overJson = await post(`${server.url}/trpc/reporting.importWorkbook`, JSON.stringify({ base64: "A".repeat(100 * 1024) }), { ...sameOrigin(server.url), cookie });
    expect(overJson.status).toBe(200);
    expect(((await overJson.json()) as { result: { data: { ok: boolean } } }).result.data.ok).toBe(false);
    const res = await post(`${server.url}/trpc/reporting.importWorkbook`, JSON.stringify({ base64: "A".repeat(300 * 1024) }), {
      ...sameOrigin(server.url),
      cookie,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as EdgeError).error.data.eduplan.message.vi).toBe("Tệp tải lên quá lớn: giới hạn là 256 KiB (khi gửi, dạng base64).");
  });

  test("JSON nested deeper than 64 levels (body or GET input) → 400 naming the limit, before any procedure sees it", async () => {
    const admin = await loginAs(server.url, "admin");
    const deep = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);
    const res = await admin.fetch(`${server.url}/trpc/provinceSetup.validate`, { method: "POST", headers: json, body: `{"config":{"x":${deep(5_000)}}}` });
    expect(res.status).toBe(400);
    expect(((await res.json()) as EdgeError).error.data.eduplan.message).toEqual({
      vi: "Dữ liệu gửi lên lồng nhau quá sâu: tối đa 64 cấp.",
      en: "The request's data is nested too deeply: at most 64 levels.",
    });
    const get = await admin.fetch(`${server.url}/trpc/plans.list?input=${encodeURIComponent(`{"filter":${deep(100)}}`)}`);
    expect(get.status).toBe(400);
    expect(((await get.json()) as EdgeError).error.data.eduplan.message.vi).toBe("Dữ liệu gửi lên lồng nhau quá sâu: tối đa 64 cấp.");
    // brackets inside strings do not count; ordinary nesting passes
    const fine = await admin.fetch(`${server.url}/trpc/provinceSetup.validate`, { method: "POST", headers: json, body: JSON.stringify({ config: { note: "[[[[{{{{".repeat(100) } }) });
    expect(fine.status).not.toBe(500);
    expect(((await fine.json()) as EdgeError).error.data.eduplan.message.vi).not.toMatch(/lồng nhau/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  test("a batch over maxBatchSize → 400 naming the limit; a batch at the limit is answered", async () => {
    const batch = (n: number) => `${server.url}/trpc/${Array.from({ length: n }, () => "auth.me").join(",")}?batch=1&input=${encodeURIComponent("{}")}`;
    const over = await fetch(batch(11));
    expect(over.status).toBe(400);
    expect(((await over.json()) as EdgeError).error.data.eduplan.message).toEqual({
      vi: "Một lô yêu cầu chỉ được có tối đa 10 lệnh gọi (lô này có 11).",
      en: "A batch may hold at most 10 calls (this one has 11).",
    });
    const atLimit = await fetch(batch(10));
    const answers = (await atLimit.json()) as unknown[];
    expect(answers).toHaveLength(10); // every call answered (each UNAUTHORIZED: no session)
  });
});

describe("login back-off", () => {
  const attempt = (base: string, username: string, password: string, forwardedFor?: string) =>
    post(`${base}/trpc/auth.login`, JSON.stringify({ username, password }), { ...sameOrigin(base), ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) });

  test("behind a proxy the address is the one the proxy appended (rightmost X-Forwarded-For), not the client-controlled leftmost", async () => {
    const proxied = await startServer({ dbFile: server.dbFile, port: 0, consoleDir: null, trustProxy: true, loginRateLimit: { maxAttemptsPerIp: 3, baseDelayMs: 3_600_000 }, logLevel: "silent" });
    try {
      // one guesser at 203.0.113.7 forging a new leftmost entry every time
      for (let i = 0; i < 3; i++) expect((await attempt(proxied.url, `nobody-${i}`, "wrong", `10.9.9.${i}, 203.0.113.7`)).status).toBe(401);
      expect((await attempt(proxied.url, "admin", DEMO_PASSWORD, "10.9.9.99, 203.0.113.7")).status).toBe(429);
      // another client behind the same proxy is not affected
      expect((await attempt(proxied.url, "admin", DEMO_PASSWORD, "198.51.100.2")).status).toBe(200);
    } finally {
      await proxied.close();
    }
    // without trustProxy the header is ignored: every request is the socket's address (127.0.0.1)
    const direct = await startServer({ dbFile: server.dbFile, port: 0, consoleDir: null, loginRateLimit: { maxAttemptsPerIp: 3, baseDelayMs: 3_600_000 }, logLevel: "silent" });
    try {
      for (let i = 0; i < 3; i++) expect((await attempt(direct.url, `nobody-${i}`, "wrong", `198.51.100.${i}`)).status).toBe(401);
      expect((await attempt(direct.url, "admin", DEMO_PASSWORD, "198.51.100.77")).status).toBe(429);
    } finally {
      await direct.close();
    }
  });

  test("exponential back-off per account, never a lock the owner cannot pass; the guesser's own address waits far longer", async () => {
    let now = Date.parse("2026-01-05T08:00:00Z");
    const proxied = await startServer({
      dbFile: server.dbFile,
      port: 0,
      consoleDir: null,
      trustProxy: true,
      loginRateLimit: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000, maxDelayPerIpMs: 15 * 60_000, clock: () => now },
      logLevel: "silent",
    });
    const guesser = "203.0.113.50";
    const owner = "198.51.100.20";
    const waitOf = async (res: Response) => {
      expect(res.status).toBe(429);
      return ((await res.json()) as EdgeError).error.data.eduplan.message;
    };
    try {
      for (let i = 0; i < 5; i++) expect((await attempt(proxied.url, "laichau.officer", `guess-${i}`, guesser)).status).toBe(401);
      // the back-off starts: 1 s, then 2 s, 4 s, … (each wait passed, one more guess allowed)
      expect(await waitOf(await attempt(proxied.url, "laichau.officer", "guess-5", guesser))).toMatchObject({ en: "Too many failed logins. Try again in 1 second(s)." });
      let delay = 1000;
      for (let i = 5; i < 14; i++) {
        now += delay;
        expect((await attempt(proxied.url, "laichau.officer", `guess-${i}`, guesser)).status).toBe(401);
        delay *= 2;
      }
      // 14 failures: the account waits its cap (60 s) — from anywhere, the owner too…
      expect(await waitOf(await attempt(proxied.url, "laichau.officer", DEMO_PASSWORD, owner))).toMatchObject({
        en: "Too many failed logins. Try again in 60 second(s).",
        vi: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 60 giây.",
      });
      // …but no longer: after the cap the owner logs in, while the guesser's address still waits (2⁹ s, capped at 15 min)
      now += 60_000;
      expect(await waitOf(await attempt(proxied.url, "laichau.officer", DEMO_PASSWORD, guesser))).toMatchObject({ en: "Too many failed logins. Try again in 8 minute(s)." });
      expect((await attempt(proxied.url, "laichau.officer", DEMO_PASSWORD, owner)).status).toBe(200);
      // the success clears the account's count: the next typo costs nothing
      expect((await attempt(proxied.url, "laichau.officer", "typo", owner)).status).toBe(401);
      expect((await attempt(proxied.url, "laichau.officer", DEMO_PASSWORD, owner)).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  test("guesses sent in parallel are all counted (the asynchronous password check does not open a window)", async () => {
    const fresh = await startServer({ dbFile: server.dbFile, port: 0, consoleDir: null, loginRateLimit: { maxAttempts: 5, baseDelayMs: 3_600_000 }, logLevel: "silent" });
    try {
      const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(fresh.url, "muongte.viewer", `parallel-${i}`).then((r) => r.status)));
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    } finally {
      await fresh.close();
    }
  });
});

describe("logs and shutdown", () => {
  test("JSON logs carry the request id (the caller's X-Request-Id when well-formed); close() lets in-flight logins finish their writes", async () => {
    const lines: Record<string, unknown>[] = [];
    let onLine = () => {};
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        onLine();
        done();
      },
    });
    // (ten parallel logins of one account would otherwise meet its back-off: attempts in flight count as failures)
    const logged = await startServer({ dbFile: server.dbFile, port: 0, consoleDir: null, logLevel: "info", logStream: stream, loginRateLimit: { maxAttempts: 20 } });
    const res = await fetch(`${logged.url}/healthz`, { headers: { "x-request-id": "office-42.req-7" } });
    expect(res.headers.get("x-request-id")).toBe("office-42.req-7");
    expect(lines.filter((l) => l.reqId === "office-42.req-7").map((l) => l.msg)).toEqual(["incoming request", "request completed"]);
    expect((await fetch(`${logged.url}/healthz`, { headers: { "x-request-id": "bad id with spaces" } })).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    // ten logins in flight (each waits for its asynchronous scrypt, then writes a session and an audit entry)
    const sessionsBefore = (await server.db.select().from(schema.sessions)).length;
    const arrived = new Promise<void>((resolve) => {
      onLine = () => {
        if (lines.filter((l) => l.msg === "incoming request" && String((l.req as { url?: string })?.url).includes("auth.login")).length >= 10) resolve();
      };
    });
    const logins = Array.from({ length: 10 }, () =>
      post(`${logged.url}/trpc/auth.login`, JSON.stringify({ username: "langson.officer", password: DEMO_PASSWORD }), sameOrigin(logged.url)).then((r) => r.status),
    );
    await arrived;
    const closed = logged.close();
    expect(await Promise.all(logins)).toEqual(Array(10).fill(200));
    await closed;
    // the closed server's database handle is gone; the writes are in the file
    const db = openDatabase(server.dbFile);
    try {
      expect((await db.select().from(schema.sessions)).length).toBe(sessionsBefore + 10);
    } finally {
      closeDatabase(db);
    }
    await expect(fetch(`${logged.url}/healthz`)).rejects.toThrow();
  });
});
