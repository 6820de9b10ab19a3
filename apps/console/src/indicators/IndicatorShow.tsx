import { Box } from "@mui/material";
import { Labeled, SimpleShowLayout, TextField } from "react-admin";
import { EnumField, LevelField } from "../common/fields";
import { AppShow } from "../common/pages";

export function IndicatorShow() {
  return (
    <AppShow>
      <SimpleShowLayout>
        <Box sx={{ display: "grid", gridTemplateColumns: { md: "repeat(3, 1fr)" }, gap: 2, width: "100%" }}>
          <Labeled source="nameVi"><TextField source="nameVi" /></Labeled>
          <Labeled source="nameEn"><TextField source="nameEn" /></Labeled>
          <Labeled source="code"><TextField source="code" /></Labeled>
          <Labeled source="educationLevelCode"><LevelField source="educationLevelCode" resource="educationLevels" /></Labeled>
          <Labeled source="unit"><EnumField source="unit" enumName="unit" /></Labeled>
          <Labeled source="direction"><EnumField source="direction" enumName="direction" /></Labeled>
          <Labeled source="aggregation"><EnumField source="aggregation" enumName="aggregation" /></Labeled>
          <Labeled source="pluginId"><TextField source="pluginId" emptyText="—" /></Labeled>
          <Labeled source="measure.countedEntity"><EnumField source="measure.countedEntity" enumName="countedEntity" /></Labeled>
          <Labeled source="measure.numeratorVi"><TextField source="measure.numeratorVi" emptyText="—" /></Labeled>
          <Labeled source="measure.denominatorVi"><TextField source="measure.denominatorVi" emptyText="—" /></Labeled>
        </Box>
        <TextField source="descriptionVi" emptyText="—" />
      </SimpleShowLayout>
    </AppShow>
  );
}

export default IndicatorShow;
