/** `solutionGroups`: shown inside a plan (its tab); registered for references and record names. */
export default {
  recordRepresentation: (record: Record<string, unknown>) => `${String(record.code ?? "")}. ${String(record.titleVi ?? "")}`.slice(0, 100),
};
