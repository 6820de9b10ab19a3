import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField } from "react-admin";
import { EmptyState } from "../common/EmptyState";
import { EnumField, LocalNameField } from "../common/fields";
import { CHOICES } from "../enums";
import { excelExporter } from "../reports/exporter";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="localityId" source="localityId" reference="localities" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={CHOICES.agencyKind} alwaysOn sx={{ minWidth: 220 }} />,
];

export function AgencyList() {
  return (
    <List exporter={excelExporter} filters={filters} sort={{ field: "nameVi", order: "ASC" }} perPage={25} empty={<EmptyState />}>
      <DataTable rowClick="show">
        <DataTable.Col source="nameVi" field={LocalNameField} />
        <DataTable.Col source="shortName" field={TextField} />
        <DataTable.Col source="kind" render={() => <EnumField source="kind" enumName="agencyKind" />} />
        <DataTable.Col source="localityId">
          <ReferenceField source="localityId" reference="localities" link="show" />
        </DataTable.Col>
        <DataTable.Col source="formerNames" disableSort render={(r) => ((r.formerNames as unknown[]) ?? []).length || "—"} />
      </DataTable>
    </List>
  );
}

export default AgencyList;
