import { lazy } from "react";
import Assignment from "@mui/icons-material/Assignment";

/**
 * `reports`: each reporting unit's yearly report. The list filters by year, unit and status (with the late flag);
 * a report opens on its data-entry grid (`/reports/:id/show`), where it is filled, submitted, returned, approved or
 * reopened.
 */
export default {
  list: lazy(() => import("./ReportList")),
  show: lazy(() => import("./ReportEntry")),
  icon: Assignment,
  recordRepresentation: (record: Record<string, unknown>) => `#${String(record.id)}`,
};

/** Reports through Excel (`/reports-excel`): template out, filled workbook in. */
export const ExcelPage = lazy(() => import("./ExcelPage"));
