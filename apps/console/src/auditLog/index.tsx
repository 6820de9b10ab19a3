import { lazy } from "react";
import History from "@mui/icons-material/History";

/** `auditLog`: read-only, administrators only; loaded lazily. */
export default {
  list: lazy(() => import("./AuditLogList")),
  show: lazy(() => import("./AuditLogShow")),
  icon: History,
  recordRepresentation: (record: Record<string, unknown>) => `${String(record.action ?? "")} ${String(record.entity ?? "")} #${String(record.entityId ?? "")}`,
};
