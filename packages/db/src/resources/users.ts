import { eq } from "drizzle-orm";
import { z } from "zod";
import { PasswordSchema, RESOURCE_ACCESS, UserInputSchema, userFieldsShape } from "@eduplan/domain";
import { registerResource } from "../guard.js";
import { hashPassword } from "../passwords.js";
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
  beforeWrite(_tx, data) {
    const { password, ...rest } = data as { password?: string };
    return password ? { ...rest, passwordHash: hashPassword(password) } : rest;
  },
  /** A new password or a deactivated account ends the user's sessions. */
  afterWrite(tx, after, before, data) {
    if (before && ("passwordHash" in data || (before.isActive && !after.isActive))) tx.delete(s.sessions).where(eq(s.sessions.userId, after.id)).run();
  },
});
registerResource(users);
