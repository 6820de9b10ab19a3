import { lazy } from "react";
import Description from "@mui/icons-material/Description";
import { nameOf } from "../common/representation";

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** `plans`: plan documents; the show page holds their targets, roadmap, tasks, funding and the cascade check. */
export default {
  list: lazy(() => import("./PlanList")),
  show: lazy(() => import("./PlanShow")),
  edit: lazy(() => import("./PlanForm").then((m) => ({ default: m.PlanEdit }))),
  create: lazy(() => import("./PlanForm").then((m) => ({ default: m.PlanCreate }))),
  icon: Description,
  recordRepresentation: (record: Record<string, unknown>) =>
    typeof record.number === "string" && record.number ? record.number : truncate(nameOf("title")(record), 48),
};
