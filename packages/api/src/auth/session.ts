/** Sessions live in `@eduplan/api-core` (the context reads them); re-exported here. */
export {
  SESSION_COOKIE,
  createSession,
  deleteSession,
  deleteSessionsOfUser,
  hashToken,
  parseCookies,
  sessionCookie,
  userOfSession,
  type SessionUser,
} from "@eduplan/api-core";
