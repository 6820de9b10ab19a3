import { DataTable, List, SearchInput, SelectInput, TextField, TextInput } from "react-admin";
import { EmptyState } from "../common/EmptyState";
import { EnumField, LevelField, LocalNameField, useLevelChoices } from "../common/fields";
import { CHOICES } from "../enums";
import { excelExporter } from "../reports/exporter";

function LevelFilter(props: { source: string; alwaysOn?: boolean }) {
  const choices = useLevelChoices("educationLevels");
  return <SelectInput {...props} choices={choices} sx={{ minWidth: 200 }} />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <LevelFilter key="educationLevelCode" source="educationLevelCode" alwaysOn />,
  <SelectInput key="unit" source="unit" choices={CHOICES.unit} alwaysOn sx={{ minWidth: 160 }} />,
  <TextInput key="pluginId" source="pluginId" />,
];

/** The indicator catalog: the 81 national indicators and those plugins add. Search with or without diacritics. */
export function IndicatorList() {
  return (
    <List exporter={excelExporter} filters={filters} sort={{ field: "code", order: "ASC" }} perPage={25} empty={<EmptyState />}>
      <DataTable rowClick="show">
        <DataTable.Col source="nameVi" field={LocalNameField} />
        <DataTable.Col source="code" />
        <DataTable.Col source="educationLevelCode" render={() => <LevelField source="educationLevelCode" resource="educationLevels" />} />
        <DataTable.Col source="unit" render={() => <EnumField source="unit" enumName="unit" />} />
        <DataTable.Col source="direction" render={() => <EnumField source="direction" enumName="direction" />} />
        <DataTable.Col source="pluginId" field={TextField} />
      </DataTable>
    </List>
  );
}

export default IndicatorList;
