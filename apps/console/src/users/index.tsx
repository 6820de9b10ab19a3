import { lazy } from "react";
import People from "@mui/icons-material/People";

/** `users`: accounts and roles (system administrators only). */
export default {
  list: lazy(() => import("./UserList")),
  edit: lazy(() => import("./UserForm").then((m) => ({ default: m.UserEdit }))),
  create: lazy(() => import("./UserForm").then((m) => ({ default: m.UserCreate }))),
  icon: People,
  recordRepresentation: (record: Record<string, unknown>) => String(record.displayName ?? record.username ?? record.id),
};
