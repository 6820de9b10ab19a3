import { Box } from "@mui/material";
import { required, SelectInput, SimpleForm, TextInput } from "react-admin";
import { useLevelChoices } from "../common/fields";
import { AppCreate, AppEdit, EditForm } from "../common/pages";
import { CHOICES } from "../enums";

function IndicatorFields() {
  const levels = useLevelChoices("educationLevels");
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, columnGap: 2, width: "100%" }}>
      <TextInput source="nameVi" validate={required()} />
      <TextInput source="nameEn" validate={required()} />
      <TextInput source="code" validate={required()} />
      <SelectInput source="educationLevelCode" choices={levels} validate={required()} />
      <SelectInput source="unit" choices={CHOICES.unit} validate={required()} />
      <SelectInput source="direction" choices={CHOICES.direction} validate={required()} />
      <SelectInput source="aggregation" choices={CHOICES.aggregation} validate={required()} />
      <TextInput source="pluginId" />
      <TextInput source="descriptionVi" multiline sx={{ gridColumn: "1 / -1" }} />
    </Box>
  );
}

export const IndicatorEdit = () => (
  <AppEdit>
    <EditForm>
      <IndicatorFields />
    </EditForm>
  </AppEdit>
);

export const IndicatorCreate = () => (
  <AppCreate>
    <SimpleForm>
      <IndicatorFields />
    </SimpleForm>
  </AppCreate>
);
