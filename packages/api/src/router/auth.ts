/**
 * Logging in and out. A session is a random 32-byte token in an httpOnly, SameSite=Lax cookie, stored as its
 * SHA-256 with an expiry. Failed logins back off exponentially per account, per account and address, and per address
 * (`LoginRateLimiter`); passwords are checked with the asynchronous scrypt, off the event loop.
 */
import { z } from "zod";
import { eq } from "drizzle-orm";
import { first, recordAudit, schema as s, verifyPasswordAsync, type Db } from "@eduplan/db";
import { LoginRateLimiter } from "../auth/rate-limit.js";
import { createSession, deleteSession, sessionCookie, type SessionUser } from "../auth/session.js";
import { apiError } from "../errors.js";
import { permissionsOf } from "../policy.js";
import { authedProcedure, publicProcedure, router } from "../trpc.js";
import type { Role } from "@eduplan/domain";

// Verified when the username is unknown, so that a wrong username takes as long as a wrong password.
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + Buffer.alloc(64).toString("base64");

/** The user as `auth.me` and `auth.login` return it: no password hash, with its locality and permissions. */
export async function describeUser(db: Db, user: SessionUser) {
  const row = await first(db.select().from(s.users).where(eq(s.users.id, user.id)));
  const locality =
    user.localityId === null
      ? null
      : ((await first(
          db
            .select({ id: s.localities.id, code: s.localities.code, nameVi: s.localities.nameVi, nameEn: s.localities.nameEn, levelCode: s.localities.levelCode })
            .from(s.localities)
            .where(eq(s.localities.id, user.localityId)),
        )) ?? null);
  return {
    user: {
      id: user.id,
      version: row?.version ?? 1,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      localityId: user.localityId,
      locale: user.locale,
      isActive: row?.isActive ?? true,
    },
    locality,
    permissions: permissionsOf(user),
  };
}

const LoginInput = z.object({
  username: z.string().trim().toLowerCase().min(1).max(200),
  password: z.string().min(1).max(500),
});

export const authRouter = router({
  /** Check the password (scrypt), open a session and set its cookie. */
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const { db, loginLimiter, sessionHours } = ctx.services;
    const keys = LoginRateLimiter.keys(input.username, ctx.ip);
    const wait = loginLimiter.retryAfterMs(keys);
    if (wait > 0) {
      const seconds = Math.max(1, Math.ceil(wait / 1000));
      const [en, vi] = seconds < 120 ? [`${seconds} second(s)`, `${seconds} giây`] : [`${Math.ceil(seconds / 60)} minute(s)`, `${Math.ceil(seconds / 60)} phút`];
      throw apiError(
        "TOO_MANY_REQUESTS",
        "forbidden",
        `Too many failed logins. Try again in ${en}.`,
        `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${vi}.`,
      );
    }
    // Counted before the (asynchronous) check, so that guesses sent in parallel are all counted.
    loginLimiter.recordFailure(keys);
    const row = await first(db.select().from(s.users).where(eq(s.users.username, input.username)));
    const ok = (await verifyPasswordAsync(input.password, row?.passwordHash ?? DUMMY_HASH)) && !!row && row.isActive;
    if (!ok || !row) throw apiError("UNAUTHORIZED", "forbidden", "Wrong username or password.", "Tên đăng nhập hoặc mật khẩu không đúng.");
    loginLimiter.recordSuccess(keys);
    const { token, expiresAt } = await createSession(db, row.id, sessionHours);
    ctx.setCookie(sessionCookie(token, { maxAgeSeconds: Math.round(sessionHours * 3600), secure: ctx.secureCookie }));
    const user: SessionUser = {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role as Role,
      localityId: row.localityId,
      locale: row.locale,
    };
    await recordAudit(db, { userId: row.id, username: row.username }, "login", "users", row.id, null, null, row.localityId);
    return { ...(await describeUser(db, user)), expiresAt: expiresAt.toISOString() };
  }),

  /** End the session (if any) and clear the cookie. Always succeeds. */
  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionTokenHash) {
      await deleteSession(ctx.db, ctx.sessionTokenHash);
      if (ctx.user) await recordAudit(ctx.db, { userId: ctx.user.id, username: ctx.user.username }, "logout", "users", ctx.user.id, null, null, ctx.user.localityId);
    }
    ctx.setCookie(sessionCookie("", { maxAgeSeconds: 0, secure: ctx.secureCookie }));
    return { ok: true as const };
  }),

  /** The logged-in user, its locality, and what it may read and write. UNAUTHORIZED when not logged in. */
  me: authedProcedure.query(({ ctx }) => describeUser(ctx.db, ctx.user)),
});
