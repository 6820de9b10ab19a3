/** `indicatorValues`: actual figures, used by the dashboard's charts; registered for references. */
export default {
  recordRepresentation: (record: Record<string, unknown>) => `${String(record.year ?? "")}: ${String(record.value ?? "")}`,
};
