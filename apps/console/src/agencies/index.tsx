import { lazy } from "react";
import AccountBalance from "@mui/icons-material/AccountBalance";
import { nameOf } from "../common/representation";

/** `agencies`: departments, divisions, People's Committees, schools — with their former names. */
export default {
  list: lazy(() => import("./AgencyList")),
  show: lazy(() => import("./AgencyShow")),
  edit: lazy(() => import("./AgencyForm").then((m) => ({ default: m.AgencyEdit }))),
  create: lazy(() => import("./AgencyForm").then((m) => ({ default: m.AgencyCreate }))),
  icon: AccountBalance,
  recordRepresentation: nameOf("name"),
};
