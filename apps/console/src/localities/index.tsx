import { lazy } from "react";
import Place from "@mui/icons-material/Place";
import { nameOf } from "../common/representation";

/** `localities` (router key and resource name): the tree of provinces, communes, wards and schools. */
export default {
  list: lazy(() => import("./LocalityList")),
  show: lazy(() => import("./LocalityShow")),
  edit: lazy(() => import("./LocalityForm").then((m) => ({ default: m.LocalityEdit }))),
  create: lazy(() => import("./LocalityForm").then((m) => ({ default: m.LocalityCreate }))),
  icon: Place,
  recordRepresentation: nameOf("name"),
};
