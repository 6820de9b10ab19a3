import type { AuthProvider, UserIdentity } from "react-admin";
import { describeError } from "./errors";
import { canAccessWith, normalizePermissions, type ConsolePermissions } from "./permissions";
import { trpc } from "./trpc";

/** The logged-in user as the console uses it. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: string;
  localityId: number | null;
  locale: string;
  locality: { id: number; code?: string; nameVi?: string; nameEn?: string | null; levelCode?: string } | null;
  permissions: ConsolePermissions;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `auth.me` / `auth.login` as the console needs it. Written against `{ user, locality, permissions }` (the API's
 * `describeUser`), and tolerant of a flat user object or a `{ data: … }` wrapper.
 */
export function normalizeMe(raw: unknown): CurrentUser | null {
  if (!isObject(raw)) return null;
  const body = isObject(raw.data) && !("id" in raw) ? raw.data : raw;
  const user = isObject(body.user) ? body.user : body;
  if (typeof user.id !== "number" && typeof user.id !== "string") return null;
  const localityId = typeof user.localityId === "number" ? user.localityId : null;
  const locality = isObject(body.locality) && typeof body.locality.id === "number" ? (body.locality as unknown as CurrentUser["locality"]) : null;
  return {
    id: Number(user.id),
    username: String(user.username ?? ""),
    displayName: String(user.displayName ?? user.fullName ?? user.username ?? ""),
    role: String(user.role ?? ""),
    localityId,
    locale: user.locale === "en" ? "en" : "vi",
    locality,
    permissions: normalizePermissions({ role: user.role, localityId }, body.permissions ?? user.permissions),
  };
}

/** How long the answer of `auth.me` is reused before asking again (react-admin checks on every page). */
const ME_TTL_MS = 30_000;
let cached: { user: CurrentUser | null; at: number } | null = null;
let inFlight: Promise<CurrentUser | null> | null = null;

/** The current user (null when not logged in), from a short-lived cache of `auth.me`. */
export async function currentUser(options: { fresh?: boolean } = {}): Promise<CurrentUser | null> {
  if (!options.fresh && cached && Date.now() - cached.at < ME_TTL_MS) return cached.user;
  if (inFlight) return inFlight;
  inFlight = trpc.auth.me
    .query()
    .then((raw) => normalizeMe(raw))
    .catch((error: unknown) => {
      if (describeError(error, "vi").status === 401) return null;
      throw error;
    })
    .then((user) => {
      cached = { user, at: Date.now() };
      return user;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

export function forgetCurrentUser(): void {
  cached = null;
}

/**
 * react-admin's auth provider over the API's `auth` router: `auth.login` sets an httpOnly session cookie,
 * `auth.logout` clears it, `auth.me` says who is logged in and what they may do.
 *
 * @param locale the current UI language, for error messages
 */
export function createAuthProvider(locale: () => string): AuthProvider {
  return {
    async login({ username, password }: { username: string; password: string }) {
      forgetCurrentUser();
      try {
        const raw = await trpc.auth.login.mutate({ username: String(username ?? "").trim(), password: String(password ?? "") });
        const user = normalizeMe(raw);
        cached = { user, at: Date.now() };
      } catch (error) {
        throw new Error(describeError(error, locale()).message);
      }
    },

    async logout() {
      forgetCurrentUser();
      try {
        await trpc.auth.logout.mutate();
      } catch {
        // Logging out of a server that is gone still logs out of the console.
      }
    },

    async checkAuth() {
      const user = await currentUser().catch(() => null);
      if (!user) throw new Error("ra.auth.auth_check_error");
    },

    async checkError(error: { status?: number }) {
      // 401: the session expired → back to the login page. 403 (outside the user's area) is shown, not logged out.
      if (error?.status === 401) {
        forgetCurrentUser();
        throw new Error("ra.auth.auth_check_error");
      }
    },

    async getIdentity(): Promise<UserIdentity> {
      const user = await currentUser();
      if (!user) throw new Error("ra.auth.auth_check_error");
      return { ...user, id: user.id, fullName: user.displayName };
    },

    async getPermissions() {
      const user = await currentUser();
      return user?.permissions ?? null;
    },

    async canAccess(params) {
      const user = await currentUser().catch(() => null);
      return canAccessWith(user?.permissions, params);
    },
  };
}
