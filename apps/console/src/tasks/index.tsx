import { lazy } from "react";
import Assignment from "@mui/icons-material/Assignment";

/** `tasks`: what the plan asks of its agencies, with lead and coordinating agencies and a timing. */
export default {
  list: lazy(() => import("./TaskList")),
  edit: lazy(() => import("./TaskForm").then((m) => ({ default: m.TaskEdit }))),
  create: lazy(() => import("./TaskForm").then((m) => ({ default: m.TaskCreate }))),
  icon: Assignment,
  recordRepresentation: (record: Record<string, unknown>) => `${String(record.code ?? "")} ${String(record.titleVi ?? "")}`.trim().slice(0, 100),
};
