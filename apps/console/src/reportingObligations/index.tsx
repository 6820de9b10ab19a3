import { lazy } from "react";
import Assignment from "@mui/icons-material/AssignmentTurnedIn";

/** `reportingObligations`: a plan's reporting duties (who reports what to whom, how often, by when). */
export default {
  list: lazy(() => import("./ReportingObligationList")),
  show: lazy(() => import("./ReportingObligationShow")),
  edit: lazy(() => import("./ReportingObligationForm").then((m) => ({ default: m.ReportingObligationEdit }))),
  create: lazy(() => import("./ReportingObligationForm").then((m) => ({ default: m.ReportingObligationCreate }))),
  icon: Assignment,
  recordRepresentation: (record: Record<string, unknown>) => String(record.subjectVi ?? record.id).slice(0, 80),
};
