import { Typography } from "@mui/material";
import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput } from "react-admin";
import { EmptyState } from "../common/EmptyState";
import { EnumField } from "../common/fields";
import { CHOICES } from "../enums";
import { excelExporter } from "../reports/exporter";

const filters = [
  <ReferenceInput key="planId" source="planId" reference="plans" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={CHOICES.fundingKind} alwaysOn sx={{ minWidth: 220 }} />,
];

export function FundingSourceList() {
  return (
    <List exporter={excelExporter} filters={filters} sort={{ field: "sortOrder", order: "ASC" }} empty={<EmptyState />}>
      <DataTable rowClick="edit">
        <DataTable.Col source="planId">
          <ReferenceField source="planId" reference="plans" link="show" />
        </DataTable.Col>
        <DataTable.Col source="kind" render={() => <EnumField source="kind" enumName="fundingKind" />} />
        <DataTable.Col source="descriptionVi" render={(r) => <Typography variant="body2" sx={{ maxWidth: 720 }}>{r.descriptionVi as string}</Typography>} />
      </DataTable>
    </List>
  );
}

export default FundingSourceList;
