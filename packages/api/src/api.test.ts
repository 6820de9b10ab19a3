/** Unit tests of the API's pieces; the HTTP integration tests live in apps/server. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { EduplanError, RESOURCES, closeDatabase, openDatabase } from "@eduplan/db";
import { TargetInputSchema, UserInputSchema } from "@eduplan/domain";
import { ensureReferenceData } from "@eduplan/province-config";
import { LoginRateLimiter } from "./auth/rate-limit.js";
import { parseCookies, sessionCookie } from "./auth/session.js";
import { eduplanErrorData, relativeToData } from "./errors.js";
import { appRouter, createApiServices, createCallerFactory, createInnerContext, POLICIES, READ_ONLY_RESOURCES } from "./index.js";
import { IdInput, patchSchemaOf } from "./inputs.js";

describe("LoginRateLimiter", () => {
  test("after maxAttempts failures an account backs off (doubling, capped), never locked; a key is forgotten after the window", () => {
    let now = 0;
    const limiter = new LoginRateLimiter({ maxAttempts: 3, maxAttemptsPerIp: 5, baseDelayMs: 1000, maxDelayMs: 4000, windowMs: 60_000 }, () => now);
    const keys = ["user:a", "ip:1"];
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs(keys)).toBe(0);
      limiter.recordFailure(keys);
      now += 100;
    }
    // Third failure at t=200: the next attempt waits 1 s from it.
    expect(limiter.retryAfterMs(keys)).toBe(900);
    expect(limiter.retryAfterMs(["user:b", "ip:2"])).toBe(0);
    now = 1200;
    expect(limiter.retryAfterMs(keys)).toBe(0);
    limiter.recordFailure(keys); // the fourth: 2 s
    expect(limiter.retryAfterMs(keys)).toBe(2000);
    for (let i = 0; i < 5; i++) limiter.recordFailure(keys);
    // Capped for the account: its owner waits at most maxDelayMs.
    expect(limiter.retryAfterMs(["user:a"])).toBe(4000);
    now += 60_000;
    expect(limiter.retryAfterMs(keys)).toBe(0);
    limiter.reset("user:a");
    expect(limiter.retryAfterMs(["user:a"])).toBe(0);
  });

  test("the per-address limit applies across usernames", () => {
    const limiter = new LoginRateLimiter({ maxAttempts: 5, maxAttemptsPerIp: 2 }, () => 0);
    limiter.recordFailure(["user:a", "ip:9"]);
    limiter.recordFailure(["user:b", "ip:9"]);
    expect(limiter.retryAfterMs(["user:c", "ip:9"])).toBeGreaterThan(0);
    expect(limiter.retryAfterMs(["user:c", "ip:8"])).toBe(0);
  });
});

describe("inputs", () => {
  test("ids: numbers, or numeric strings as react-admin takes them from the URL", () => {
    expect(IdInput.parse(3)).toBe(3);
    expect(IdInput.parse("42")).toBe(42);
    expect(() => IdInput.parse("4x")).toThrow();
    expect(() => IdInput.parse(0)).toThrow();
  });

  test("the patch schema of an update: fields optional, no defaults filled in, types still checked", () => {
    const patch = patchSchemaOf(TargetInputSchema);
    expect(patch.parse({ value: 5 })).toEqual({ value: 5 });
    expect(patch.parse({})).toEqual({});
    expect(() => patch.parse({ value: "5" })).toThrow();
    expect(patch.parse({ id: 1, version: 2, createdAt: "x", value: null })).toEqual({ value: null });
    const users = patchSchemaOf(UserInputSchema);
    expect(users.parse({ displayName: "A" })).toEqual({ displayName: "A" });
    expect(patchSchemaOf(z.record(z.string(), z.number()) as never).parse({ a: "b" })).toEqual({ a: "b" });
  });
});

describe("errors", () => {
  test("zod errors of an input become validation field errors relative to `data`", () => {
    const parsed = z.object({ data: TargetInputSchema }).safeParse({ data: { planId: 1, indicatorId: 1, comparator: "gte" } });
    const data = eduplanErrorData(new TRPCError({ code: "BAD_REQUEST", cause: parsed.error }));
    expect(data.reason).toBe("validation");
    expect(data.fieldErrors).toEqual([{ path: "code", message: { vi: "Trường này là bắt buộc", en: "Required" } }]);
    expect(relativeToData("data.value")).toBe("value");
    expect(relativeToData("pagination.page")).toBe("pagination.page");
  });

  test("EduplanError keeps its reason, messages and field errors; unknown errors get a generic message", () => {
    const e = new EduplanError("conflict", { vi: "Xung đột", en: "Conflict" }, [{ path: "data.code", message: { vi: "a", en: "b" } }]);
    expect(eduplanErrorData(new TRPCError({ code: "CONFLICT", cause: e }))).toEqual({
      reason: "conflict",
      message: { vi: "Xung đột", en: "Conflict" },
      fieldErrors: [{ path: "code", message: { vi: "a", en: "b" } }],
    });
    const internal = eduplanErrorData(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("SQLITE_BUSY: secret details") }));
    expect(internal.reason).toBe("internal");
    expect(JSON.stringify(internal)).not.toMatch(/SQLITE|secret/);
  });
});

describe("cookies", () => {
  test("session cookie attributes and parsing", () => {
    expect(sessionCookie("abc", { maxAgeSeconds: 60, secure: false })).toBe("eduplan_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
    expect(sessionCookie("abc", { maxAgeSeconds: 60, secure: true })).toMatch(/; Secure$/);
    expect(parseCookies("a=1; eduplan_session=xyz; b=%C3%A9")).toEqual({ a: "1", eduplan_session: "xyz", b: "é" });
    expect(parseCookies(undefined)).toEqual({});
  });
});

describe("router", () => {
  test("every resource has an explicit policy and a router with the nine procedures of the conventions", () => {
    const procedures = Object.keys(appRouter._def.procedures);
    for (const name of Object.keys(RESOURCES)) {
      expect(POLICIES, name).toHaveProperty([name]);
      for (const method of ["list", "getOne", "getMany", "getManyReference", "create", "update", "updateMany", "delete", "deleteMany"])
        expect(procedures, `${name}.${method}`).toContain(`${name}.${method}`);
    }
    for (const name of READ_ONLY_RESOURCES) {
      expect(procedures).toContain(`${name}.list`);
      expect(procedures).not.toContain(`${name}.create`);
    }
    for (const p of ["auth.login", "auth.logout", "auth.me", "progress.planProgress", "progress.rollup", "progress.cascade", "progress.tasksDue"]) expect(procedures).toContain(p);
  });

  describe("in-process caller over a real database", () => {
    const dir = mkdtempSync(join(tmpdir(), "eduplan-api-unit-"));
    const db = openDatabase(join(dir, "e.db"));
    afterAll(() => {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    });

    test("reads as a user; refuses without one", async () => {
      await ensureReferenceData(db);
      const services = createApiServices({ db });
      const caller = createCallerFactory(appRouter);
      const adminUser = { id: 1, username: "script", displayName: "Script", role: "system_admin" as const, localityId: null, locale: "vi" };
      const levels = await caller(createInnerContext(services, adminUser)).localityLevels.list({ sort: { field: "rank", order: "ASC" } });
      expect(levels.data[0]!.code).toBe("nation");
      await expect(caller(createInnerContext(services, null)).localityLevels.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      const viewer = { ...adminUser, role: "viewer" as const, localityId: 1 };
      await expect(caller(createInnerContext(services, viewer)).users.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });
});
