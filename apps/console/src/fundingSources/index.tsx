import { lazy } from "react";
import Savings from "@mui/icons-material/Savings";

/** `fundingSources`: how a plan is funded (state budget, socialisation, …). */
export default {
  list: lazy(() => import("./FundingSourceList")),
  edit: lazy(() => import("./FundingSourceForm").then((m) => ({ default: m.FundingSourceEdit }))),
  create: lazy(() => import("./FundingSourceForm").then((m) => ({ default: m.FundingSourceCreate }))),
  icon: Savings,
  recordRepresentation: (record: Record<string, unknown>) => String(record.descriptionVi ?? record.id).slice(0, 80),
};
