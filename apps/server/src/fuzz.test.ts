/**
 * A bounded fuzz of every procedure over HTTP (fast-check): generated, malformed and oversized inputs — unknown keys,
 * prototype names as sort fields and filter keys, huge and fractional page numbers, long strings, broken JSON — sent
 * as an administrator and as a commune officer. Never an HTTP 500; and a mutation that fails changes nothing (every
 * table's row count and the audit log compared before and after).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appRouter } from "@eduplan/api";
import { loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

const PROCEDURES = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
/** Logging out would end the fuzzing session; everything else is fuzzed. */
const PATHS = Object.keys(PROCEDURES)
  .filter((p) => PROCEDURES[p]!._def.type !== "subscription" && p !== "auth.logout")
  .sort();
const RUNS_PER_PROCEDURE = Math.max(5, Math.floor(3000 / PATHS.length));

let server: TestServer;
let users: Client[];

beforeAll(async () => {
  server = await startTestServer({ consoleDir: null, loginRateLimit: { maxAttempts: 1_000_000, maxAttemptsPerIp: 1_000_000 } });
  users = [await loginAs(server.url, "admin"), await loginAs(server.url, "bangmac.officer")];
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

function rowCounts(): Record<string, number> {
  const db = server.db.$client;
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`select count(*) from "${t}"`).pluck().get() as number]));
}

const nasty = fc.constantFrom("constructor", "__proto__", "prototype", "toString", "hasOwnProperty", "valueOf", "id", "nameVi", "code", "", "a.b", "0");
const number = fc.oneof(fc.integer(), fc.constant(2 ** 53), fc.constant(-1), fc.constant(0), fc.double({ noNaN: false }), fc.constant(1e308));
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constant("x".repeat(70_000)), fc.constant("Tỉnh Lạng Sơn"), fc.constant("' or 1=1 --"));
const value = fc.oneof(text, number, fc.boolean(), fc.constant(null), fc.array(fc.oneof(number, text), { maxLength: 3 }));
const fields = fc.dictionary(fc.oneof(nasty, fc.string({ maxLength: 8 })), value, { maxKeys: 4 });
/** Inputs shaped like the conventions (data, filter, sort, pagination, ids) but wrong in every way, and anything at all. */
const input = fc.oneof(
  fc.record(
    {
      id: number,
      ids: fc.array(number, { maxLength: 3 }),
      version: number,
      data: fields,
      filter: fields,
      sort: fc.record({ field: fc.oneof(nasty, fc.string({ maxLength: 8 })), order: fc.constantFrom("ASC", "DESC", "asc", "x") }),
      pagination: fc.record({ page: number, perPage: number }),
      target: fc.oneof(nasty, fc.string({ maxLength: 8 })),
      resource: fc.oneof(nasty, fc.constantFrom("plans", "users", "localities")),
      localityId: number,
      year: number,
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);
const brokenJson = fc.constantFrom("{", '{"data":', "nul", "[1,2", '{"a":1}}', "\u0000", '"\\ud800"');
/** Deep nesting (the edge refuses more than 64 levels). */
const deep = fc.integer({ min: 60, max: 3000 }).map((n) => `{"data":${'{"a":'.repeat(n)}1${"}".repeat(n)}}`);

type Sent = { status: number; body: string };

async function send(client: Client, path: string, type: "query" | "mutation", body: string): Promise<Sent> {
  const res =
    type === "query"
      ? await client.fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(body)}`)
      : await client.fetch(`${server.url}/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: res.status, body: (await res.text()).slice(0, 300) };
}

describe("fuzz: every procedure over HTTP", () => {
  test(`${PATHS.length} procedures × ${RUNS_PER_PROCEDURE} generated inputs (+ broken JSON): no 500, failed mutations change nothing`, async () => {
    expect(PATHS.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const path of PATHS) {
      const type = PROCEDURES[path]!._def.type as "query" | "mutation";
      await fc.assert(
        fc.asyncProperty(fc.nat(users.length - 1), fc.oneof({ weight: 5, arbitrary: input.map((i) => JSON.stringify(i) ?? "null") }, { weight: 1, arbitrary: brokenJson }, { weight: 1, arbitrary: deep }), async (who, body) => {
          const before = type === "mutation" ? rowCounts() : null;
          const sent = await send(users[who]!, path, type, body);
          if (sent.status >= 500) failures.push(`${path} ← ${body.slice(0, 200)} → ${sent.status} ${sent.body}`);
          if (before && sent.status >= 400) {
            const after = rowCounts();
            if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${path} ← ${body.slice(0, 200)} → ${sent.status} but rows changed`);
          }
          return true;
        }),
        { numRuns: RUNS_PER_PROCEDURE },
      );
    }
    expect(failures).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 180_000);
});

describe("unknown keys: every procedure refuses them by name", () => {
  test("an input with an extra key (top level, and inside a list's pagination) → 400 whose field errors name it; never 500", async () => {
    const admin = users[0]!;
    const failures: string[] = [];
    const check = async (path: string, type: "query" | "mutation", input: unknown, key: string) => {
      const encoded = JSON.stringify(input);
      const res =
        type === "query"
          ? await admin.fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(encoded)}`)
          : await admin.fetch(`${server.url}/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: encoded });
      const text = await res.text();
      const body = JSON.parse(text) as { error?: { data?: { eduplan?: { fieldErrors?: { path: string; message: { vi: string; en: string } }[] } } } };
      // A procedure without pagination refuses the whole member by name, which is as good.
      const named = body.error?.data?.eduplan?.fieldErrors?.find((f) => f.path.split(".").at(-1) === key || (key === "zzPerPage" && f.path === "pagination"));
      if (res.status !== 400 || !named) failures.push(`${path} ← ${encoded} → ${res.status} ${text.slice(0, 300)}`);
      else if (!named.message.vi.includes(`Trường '${named.path.split(".").at(-1)}'`) || !named.message.en.includes(`'${named.path.split(".").at(-1)}'`)) failures.push(`${path}: message does not name '${key}': ${JSON.stringify(named)}`);
    };
    // The signature's own fields are the record's, refused by name in the write path once the unit and year are valid.
    const localityId = server.db.$client.prepare("select id from localities order by id limit 1").pluck().get() as number;
    const validPart: Record<string, object> = { "reporting.saveAnnualReportSignature": { localityId, year: 2025 } };
    for (const path of PATHS) {
      const type = PROCEDURES[path]!._def.type as "query" | "mutation";
      await check(path, type, { ...validPart[path], zzUnknownKey: 1 }, "zzUnknownKey");
      if (path.endsWith(".list")) await check(path, type, { pagination: { page: 1, perPage: 5, zzPerPage: 1 } }, "zzPerPage");
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
