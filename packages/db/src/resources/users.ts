import { eq } from "drizzle-orm";
import { z } from "zod";
import { PasswordSchema, RESOURCE_ACCESS, UserInputSchema, userFieldsShape } from "@eduplan/domain";
import { registerResource } from "../guard.js";
import { hashPasswordAsync } from "../passwords.js";
import { defineResource } from "../resource.js";
import * as s from "../schema/index.js";

const UserUpdateSchema = z.object({ ...userFieldsShape, password: PasswordSchema.optional() }).refine((u) => u.role === "system_admin" || u.localityId !== null, {
  message: "every role but system_admin needs a locality",
  path: ["localityId"],
});

/** Accounts (administrators only). A system administrator belongs to no locality. */
export const users = defineResource({
  name: "users",
  entityVi: "người dùng",
  table: s.users,
  access: RESOURCE_ACCESS.users,
  inputSchema: UserInputSchema,
  updateSchema: UserUpdateSchema,
  scope: { kind: "locality", column: "localityId" },
  refs: { localityId: "exists" },
  hiddenColumns: ["passwordHash"],
  defaultSort: { field: "username", order: "ASC" },
  /**
   * The password's scrypt hash, computed before the transaction (on libuv's thread pool, never inside a transaction).
   * Only a password the schema accepts is hashed; `beforeWrite` stores the hash of exactly the password validated.
   */
  async prepareInput(input) {
    const password = PasswordSchema.safeParse(input.password);
    return password.success ? { password: password.data, passwordHash: await hashPasswordAsync(password.data) } : {};
  },
  beforeWrite(_tx, data, _existing, prepared) {
    const { password, ...rest } = data as { password?: string };
    if (!password) return rest;
    if (prepared.password !== password || typeof prepared.passwordHash !== "string") throw new Error("users: the password was not hashed by prepareRecordInput before the transaction");
    return { ...rest, passwordHash: prepared.passwordHash };
  },
  /** A new password or a deactivated account ends the user's sessions. */
  async afterWrite(tx, after, before, data) {
    if (before && ("passwordHash" in data || (before.isActive && !after.isActive))) await tx.delete(s.sessions).where(eq(s.sessions.userId, after.id));
  },
});
registerResource(users);
