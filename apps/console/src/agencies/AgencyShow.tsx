import { Box, Typography } from "@mui/material";
import { ArrayField, DataTable, FunctionField, Labeled, ReferenceField, SimpleShowLayout, TextField, useTranslate } from "react-admin";
import { EnumField, LocalDateField } from "../common/fields";
import { AppShow } from "../common/pages";
import { Successions } from "../common/Successions";

/** An agency with its former names (agencies were renamed and merged in the 2025 reorganisation). */
export function AgencyShow() {
  const translate = useTranslate();
  return (
    <AppShow>
      <SimpleShowLayout>
        <Box sx={{ display: "grid", gridTemplateColumns: { md: "repeat(3, 1fr)" }, gap: 2, width: "100%" }}>
          <Labeled source="nameVi"><TextField source="nameVi" /></Labeled>
          <Labeled source="nameEn"><TextField source="nameEn" emptyText="—" /></Labeled>
          <Labeled source="shortName"><TextField source="shortName" emptyText="—" /></Labeled>
          <Labeled source="kind"><EnumField source="kind" enumName="agencyKind" /></Labeled>
          <Labeled source="localityId"><ReferenceField source="localityId" reference="localities" link="show" /></Labeled>
          <Labeled source="parentId"><ReferenceField source="parentId" reference="agencies" link="show" emptyText="—" /></Labeled>
          <Labeled source="code"><TextField source="code" /></Labeled>
          <Labeled source="validFrom"><LocalDateField source="validFrom" /></Labeled>
          <Labeled source="validTo"><LocalDateField source="validTo" /></Labeled>
          <Labeled source="aliases" sx={{ gridColumn: "1 / -1" }}>
            <FunctionField source="aliases" render={(r) => (Array.isArray(r.aliases) && r.aliases.length ? (r.aliases as string[]).join("; ") : "—")} />
          </Labeled>
        </Box>
        <Labeled source="formerNames" fullWidth>
          <ArrayField source="formerNames">
            <DataTable bulkActionButtons={false} empty={<Typography variant="body2" color="text.secondary">{translate("eduplan.agencies.noFormerNames")}</Typography>}>
              <DataTable.Col source="nameVi" label="resources.agencies.fields.formerNames.nameVi" />
              <DataTable.Col source="until" label="resources.agencies.fields.formerNames.until" render={() => <LocalDateField source="until" />} />
            </DataTable>
          </ArrayField>
        </Labeled>
        {/* The departments it took over or that took it over (1/3/2025), each a link. */}
        <Successions of="agency" />
      </SimpleShowLayout>
    </AppShow>
  );
}

export default AgencyShow;
