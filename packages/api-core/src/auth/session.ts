import { createHash, randomBytes } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { first, schema as s, transaction, type Db, type Executor } from "@eduplan/db";
import type { Role } from "@eduplan/domain";

export const SESSION_COOKIE = "eduplan_session";

/** The logged-in user as procedures see it (never the password hash). */
export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  localityId: number | null;
  locale: string;
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new session for the user: a random 32-byte token (for the cookie) whose SHA-256 is stored with its expiry. */
export async function createSession(db: Db, userId: number, hours: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await transaction(db, async (tx) => {
    await tx.delete(s.sessions).where(lt(s.sessions.expiresAt, now.toISOString()));
    await tx.insert(s.sessions).values({ tokenHash: hashToken(token), userId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  });
  return { token, expiresAt };
}

/** The active user of a session token, or null when the token is unknown, expired (then removed) or the user inactive. */
export async function userOfSession(db: Db, token: string, now = new Date()): Promise<{ user: SessionUser; tokenHash: string } | null> {
  const tokenHash = hashToken(token);
  const row = await first(
    db
      .select({
      expiresAt: s.sessions.expiresAt,
      id: s.users.id,
      username: s.users.username,
      displayName: s.users.displayName,
      role: s.users.role,
      localityId: s.users.localityId,
      locale: s.users.locale,
      isActive: s.users.isActive,
    })
    .from(s.sessions)
    .innerJoin(s.users, eq(s.users.id, s.sessions.userId))
    .where(eq(s.sessions.tokenHash, tokenHash)),
  );
  if (!row) return null;
  if (row.expiresAt <= now.toISOString()) {
    await db.delete(s.sessions).where(eq(s.sessions.tokenHash, tokenHash));
    return null;
  }
  if (!row.isActive) return null;
  const { expiresAt: _e, isActive: _a, ...user } = row;
  return { user: { ...user, role: user.role as Role }, tokenHash };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(s.sessions).where(eq(s.sessions.tokenHash, tokenHash));
}

/** End every session of a user (password changed, account deactivated). */
export async function deleteSessionsOfUser(db: Executor, userId: number): Promise<void> {
  await db.delete(s.sessions).where(eq(s.sessions.userId, userId));
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    if (!name || name in out) continue;
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

export function sessionCookie(token: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}
