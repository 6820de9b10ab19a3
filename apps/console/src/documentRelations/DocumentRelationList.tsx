import { Typography } from "@mui/material";
import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput } from "react-admin";
import { EmptyState } from "../common/EmptyState";
import { EnumField } from "../common/fields";
import { CHOICES } from "../enums";
import { excelExporter } from "../reports/exporter";
import { CitedDateField } from "./DocumentRelationShow";

const filters = [
  <ReferenceInput key="fromPlanId" source="fromPlanId" reference="plans" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={CHOICES.relationKind} alwaysOn sx={{ minWidth: 200 }} />,
];

/** The documents the plans cite, implement, approve or replace. */
export function DocumentRelationList() {
  return (
    <List exporter={excelExporter} filters={filters} sort={{ field: "id", order: "ASC" }} empty={<EmptyState />}>
      <DataTable rowClick="show">
        <DataTable.Col source="fromPlanId">
          <ReferenceField source="fromPlanId" reference="plans" link={false} />
        </DataTable.Col>
        <DataTable.Col source="kind" render={() => <EnumField source="kind" enumName="relationKind" />} />
        <DataTable.Col source="citedNumber" render={(r) => (r.toPlanId ? <ReferenceField source="toPlanId" reference="plans" link={false} /> : ((r.citedNumber as string | null) ?? "—"))} />
        <DataTable.Col source="citedIssuedOn" disableSort render={() => <CitedDateField />} />
        <DataTable.Col source="citedTitleVi" render={(r) => <Typography variant="body2" sx={{ maxWidth: 480 }}>{(r.citedTitleVi as string | null) ?? "—"}</Typography>} />
        <DataTable.Col source="noteVi" render={(r) => <Typography variant="body2" sx={{ maxWidth: 320 }}>{(r.noteVi as string | null) ?? "—"}</Typography>} />
      </DataTable>
    </List>
  );
}

export default DocumentRelationList;
