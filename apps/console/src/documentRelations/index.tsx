import { lazy } from "react";
import Description from "@mui/icons-material/Description";

/** `documentRelations`: the documents a plan cites or implements (also shown in the plan's general tab). */
export default {
  list: lazy(() => import("./DocumentRelationList")),
  show: lazy(() => import("./DocumentRelationShow")),
  edit: lazy(() => import("./DocumentRelationForm").then((m) => ({ default: m.DocumentRelationEdit }))),
  create: lazy(() => import("./DocumentRelationForm").then((m) => ({ default: m.DocumentRelationCreate }))),
  icon: Description,
  recordRepresentation: (record: Record<string, unknown>) => String(record.citedNumber ?? record.citedTitleVi ?? record.id).slice(0, 80),
};
