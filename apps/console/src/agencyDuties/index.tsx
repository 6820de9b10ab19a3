/** `agencyDuties`: shown inside a plan ("Tổ chức thực hiện" tab); registered for references. */
export default {
  recordRepresentation: (record: Record<string, unknown>) => String(record.section ?? record.id),
};
