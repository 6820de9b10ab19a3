import { Box, Typography } from "@mui/material";
import { LocalesMenuButton, Login, LoginForm, useTranslate } from "react-admin";

/** react-admin's login page with EduPlan's title, in the user's language (the locale menu is on the app bar after login). */
export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login sx={{ backgroundImage: "none", backgroundColor: "#1565c0" }}>
      <Box sx={{ position: "absolute", top: 8, right: 8, color: "common.white" }}>
        <LocalesMenuButton />
      </Box>
      <Box sx={{ px: 2, pt: 1, textAlign: "center", maxWidth: 320 }}>
        <Typography variant="h6" component="h1">
          {translate("eduplan.login.title")}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate("eduplan.login.subtitle")}
        </Typography>
      </Box>
      <LoginForm />
      <Typography variant="caption" color="text.secondary" sx={{ display: "block", px: 2, pb: 2, maxWidth: 300, textAlign: "center" }}>
        {translate("eduplan.login.demo")}
      </Typography>
    </Login>
  );
}

export default LoginPage;
