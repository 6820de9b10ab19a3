import { z } from "zod";
import { bi } from "./errors.js";
import { IdSchema, recordFields } from "./primitives.js";

export const ROLES = ["system_admin", "province_officer", "commune_officer", "viewer"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const LOCALES = ["vi", "en"] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const UsernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9._-]+$/, { message: bi("username: lowercase letters, digits, dot, dash, underscore", "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới") });
export const PasswordSchema = z.string().min(8).max(200);

const userFields = {
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(200),
  role: RoleSchema,
  /** The locality whose data the user works on; null only for system admins. */
  localityId: IdSchema.nullable().default(null),
  locale: LocaleSchema.default("vi"),
  isActive: z.boolean().default(true),
};
const localityMatchesRole = (u: { role: Role; localityId: number | null }) => u.role === "system_admin" || u.localityId !== null;

export const UserInputSchema = z
  .object({ ...userFields, password: PasswordSchema })
  .refine(localityMatchesRole, { message: bi("every role but system_admin needs a locality", "Vai trò này cần gắn với một địa bàn"), path: ["localityId"] });
export type UserInput = z.input<typeof UserInputSchema>;
export const UserSchema = z.object({ ...recordFields, ...userFields });
export type User = z.infer<typeof UserSchema>;
export const userFieldsShape = userFields;
