import { Box } from "@mui/material";
import { Labeled, ReferenceField, SimpleShowLayout, TextField, useRecordContext } from "react-admin";
import { LocalDateTimeField } from "../common/fields";
import { AppShow } from "../common/pages";
import { changedFields, JsonBlock } from "./json";

function Json({ which }: { which: "before" | "after" }) {
  const record = useRecordContext();
  if (!record) return null;
  return <JsonBlock value={record[which]} highlight={changedFields(record.before, record.after)} />;
}

export function AuditLogShow() {
  return (
    <AppShow actions={false}>
      <SimpleShowLayout>
        <Box sx={{ display: "grid", gridTemplateColumns: { md: "repeat(3, 1fr)" }, gap: 2, width: "100%" }}>
          <Labeled source="at"><LocalDateTimeField source="at" /></Labeled>
          <Labeled source="username"><TextField source="username" /></Labeled>
          <Labeled source="action"><TextField source="action" /></Labeled>
          <Labeled source="entity"><TextField source="entity" /></Labeled>
          <Labeled source="entityId"><TextField source="entityId" /></Labeled>
          <Labeled source="localityId"><ReferenceField source="localityId" reference="localities" emptyText="—" /></Labeled>
        </Box>
        <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, gap: 2, width: "100%" }}>
          <Labeled source="before"><Json which="before" /></Labeled>
          <Labeled source="after"><Json which="after" /></Labeled>
        </Box>
      </SimpleShowLayout>
    </AppShow>
  );
}

export default AuditLogShow;
