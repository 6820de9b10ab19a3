import { lazy } from "react";
import Flag from "@mui/icons-material/Flag";

/** `targets`: what a plan sets for an indicator (comparator, value(s), year, conditions, counting, sub-targets). */
export default {
  list: lazy(() => import("./TargetList")),
  edit: lazy(() => import("./TargetForm").then((m) => ({ default: m.TargetEdit }))),
  create: lazy(() => import("./TargetForm").then((m) => ({ default: m.TargetCreate }))),
  icon: Flag,
  recordRepresentation: (record: Record<string, unknown>) => String(record.code ?? record.id),
};
