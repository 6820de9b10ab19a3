import { Box } from "@mui/material";
import { useTranslate } from "react-admin";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The top-level fields whose value differs between `before` and `after` (bookkeeping fields left out). */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => !["version", "updatedAt", "searchText"].includes(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k])).sort();
}

/** A JSON value, pretty-printed; highlighted lines for the changed fields. */
export function JsonBlock({ value, highlight = [] }: { value: unknown; highlight?: string[] }) {
  const translate = useTranslate();
  if (value === null || value === undefined) return <Box sx={{ color: "text.secondary", fontSize: 13 }}>{translate("eduplan.auditLog.noChange")}</Box>;
  const lines = JSON.stringify(value, null, 2).split("\n");
  return (
    <Box component="pre" sx={{ m: 0, p: 1, bgcolor: "grey.100", borderRadius: 1, fontSize: 12, overflow: "auto", maxHeight: 360 }} data-testid="audit-json">
      {lines.map((line, i) => {
        const key = /^\s{2}"([^"]+)":/.exec(line)?.[1];
        return (
          <Box key={i} component="span" sx={{ display: "block", bgcolor: key && highlight.includes(key) ? "warning.light" : undefined }}>
            {line}
          </Box>
        );
      })}
    </Box>
  );
}
