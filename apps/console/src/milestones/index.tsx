import { lazy } from "react";
import Timeline from "@mui/icons-material/Timeline";

/** `milestones`: the yearly roadmap of each target. */
export default {
  list: lazy(() => import("./MilestoneList")),
  edit: lazy(() => import("./MilestoneForm").then((m) => ({ default: m.MilestoneEdit }))),
  create: lazy(() => import("./MilestoneForm").then((m) => ({ default: m.MilestoneCreate }))),
  icon: Timeline,
  recordRepresentation: (record: Record<string, unknown>) => `${String(record.year ?? "")}: ${String(record.value ?? "")}`,
};
