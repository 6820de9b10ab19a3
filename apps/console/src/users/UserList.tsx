import { AutocompleteInput, BooleanField, DataTable, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField } from "react-admin";
import { EmptyState } from "../common/EmptyState";
import { EnumField } from "../common/fields";
import { CHOICES } from "../enums";
import { excelExporter } from "../reports/exporter";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={CHOICES.role} alwaysOn />,
  <ReferenceInput key="localityId" source="localityId" reference="localities">
    <AutocompleteInput />
  </ReferenceInput>,
];

/** Accounts (administrators only). */
export function UserList() {
  return (
    <List exporter={excelExporter} filters={filters} sort={{ field: "username", order: "ASC" }} empty={<EmptyState />}>
      <DataTable rowClick="edit">
        <DataTable.Col source="username" />
        <DataTable.Col source="displayName" field={TextField} />
        <DataTable.Col source="role" render={() => <EnumField source="role" enumName="role" chip />} />
        <DataTable.Col source="localityId">
          <ReferenceField source="localityId" reference="localities" link="show" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="locale" render={() => <EnumField source="locale" enumName="locale" />} />
        <DataTable.Col source="isActive" render={() => <BooleanField source="isActive" />} />
      </DataTable>
    </List>
  );
}

export default UserList;
