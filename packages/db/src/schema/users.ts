import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { bool, entityColumns } from "./columns.js";
import { localities } from "./localities.js";

export const users = sqliteTable(
  "users",
  {
    ...entityColumns(),
    username: text().notNull(),
    displayName: text().notNull(),
    role: text().notNull(),
    localityId: integer().references(() => localities.id),
    locale: text().notNull().default("vi"),
    isActive: bool().notNull().default(true),
    passwordHash: text().notNull(),
  },
  (t) => [uniqueIndex("users_username_uq").on(t.username)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the session token; the token itself only lives in the cookie. */
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text().notNull(),
    expiresAt: text().notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Who changed what, when: one row per successful mutation, with the values before and after. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: text().notNull(),
    userId: integer(),
    username: text().notNull(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: integer(),
    localityId: integer(),
    before: text({ mode: "json" }).$type<unknown>(),
    after: text({ mode: "json" }).$type<unknown>(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId), index("audit_log_user_idx").on(t.userId), index("audit_log_at_idx").on(t.at)],
);
