import { lazy } from "react";
import Insights from "@mui/icons-material/Insights";
import { nameOf } from "../common/representation";

/** `indicators`: the catalog (writable by administrators only). */
export default {
  list: lazy(() => import("./IndicatorList")),
  show: lazy(() => import("./IndicatorShow")),
  edit: lazy(() => import("./IndicatorForm").then((m) => ({ default: m.IndicatorEdit }))),
  create: lazy(() => import("./IndicatorForm").then((m) => ({ default: m.IndicatorCreate }))),
  icon: Insights,
  recordRepresentation: nameOf("name"),
};
