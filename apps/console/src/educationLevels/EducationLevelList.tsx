import { DataTable, List, SearchInput, TextField } from "react-admin";
import { EmptyState } from "../common/EmptyState";
import { LevelField } from "../common/fields";
import { excelExporter } from "../reports/exporter";

/** Levels of education (reference data, read-only): early childhood, general, vocational, continuing, higher. */
export function EducationLevelList() {
  return (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: "sortOrder", order: "ASC" }} perPage={50} empty={<EmptyState />} exporter={excelExporter}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="nameVi" field={TextField} />
        <DataTable.Col source="nameEn" field={TextField} />
        <DataTable.Col source="code" />
        <DataTable.Col source="parentCode" render={() => <LevelField source="parentCode" resource="educationLevels" />} />
        <DataTable.Col source="sortOrder" />
      </DataTable>
    </List>
  );
}

export default EducationLevelList;
