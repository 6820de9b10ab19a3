import { lazy } from "react";
import Flag from "@mui/icons-material/Flag";

/** `targets`: what a plan sets for an indicator (comparator, value(s), year, conditions, counting, sub-targets). */
export default {
  list: lazy(() => import("./TargetList")),
  edit: lazy(() => import("./TargetForm").then((m) => ({ default: m.TargetEdit }))),
  create: lazy(() => import("./TargetForm").then((m) => ({ default: m.TargetCreate }))),
  icon: Flag,
  // The plan's own words for the target ("Tỷ lệ huy động trẻ nhà trẻ đến trường đạt 48,5%"), never its internal code.
  recordRepresentation: (record: Record<string, unknown>) => {
    const phrase = typeof record.phraseVi === "string" && record.phraseVi.trim() ? record.phraseVi.trim() : `#${String(record.id)}`;
    return phrase.length > 90 ? `${phrase.slice(0, 89)}…` : phrase;
  },
};
