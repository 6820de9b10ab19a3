/** `documentRelations`: shown inside a plan (general tab); registered for references. */
export default {
  recordRepresentation: (record: Record<string, unknown>) => String(record.citedNumber ?? record.kind ?? record.id),
};
