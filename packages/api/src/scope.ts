/**
 * The API's view of who is calling: the session user as the `Principal` every read and write of `@eduplan/db` takes.
 * The checks themselves (role, area, references, locks) live in the db write path; nothing here repeats them.
 */
import { principalOf } from "@eduplan/api-core";
import type { SessionUser } from "./auth/session.js";
import { forbidden } from "./errors.js";
import { isAdmin } from "./policy.js";

export { principalOf };

/** Root of the user's area: null = everything (administrators). */
export function scopeRootOf(user: SessionUser): number | null {
  if (isAdmin(user)) return null;
  if (user.localityId === null) throw forbidden("Your account has no locality.", "Tài khoản của bạn chưa được gắn với địa bàn nào.");
  return user.localityId;
}
