import { lazy } from "react";
import School from "@mui/icons-material/School";
import { nameOf } from "../common/representation";

/** `educationLevels`: read-only reference data. */
export default {
  list: lazy(() => import("./EducationLevelList")),
  icon: School,
  recordRepresentation: nameOf("name"),
};
