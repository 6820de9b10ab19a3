import { useEffect, useState } from "react";
import { Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from "@mui/material";
import DescriptionIcon from "@mui/icons-material/Description";
import { useCanAccess, useNotify, useTranslate } from "react-admin";
import { useUiLocale } from "../common/locale";
import { describeError } from "../errors";
import { trpc } from "../trpc";
import { downloadFile } from "../reports/files";

type Issuer = "educationDept" | "peoplesCommittee";
type SigningForm = "" | "TM" | "KT" | "Q" | "TL";

/** Forms an issuer may sign in: the People's Committee always on behalf of itself (TM.); a Sở's head signs directly. */
const FORMS: Record<Issuer, SigningForm[]> = { peoplesCommittee: ["TM", "KT", "Q", "TL"], educationDept: ["", "KT", "Q", "TL"] };

/**
 * The printable annual report (DOCX), after the officer chose who issues it (Sở GD&ĐT or UBND), the signing form
 * (TM./KT./Q./TL.), the signer's name and title and the drafting unit for "Lưu: VT, …" (Nghị định 30/2020/NĐ-CP).
 * The choice is kept for the locality's report of the year (`reporting.saveAnnualReportSignature`) and prefills the
 * dialog the next time; a viewer downloads with the kept choice and changes nothing.
 */
export function AnnualReportDocxButton({ localityId, year }: { localityId: number; year: number }) {
  const translate = useTranslate();
  const notify = useNotify();
  const { locale } = useUiLocale();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [issuer, setIssuer] = useState<Issuer>("educationDept");
  const [form, setForm] = useState<SigningForm>("");
  const [signerName, setSignerName] = useState("");
  const [signerTitle, setSignerTitle] = useState("");
  const [draftingUnit, setDraftingUnit] = useState("");
  const [remembered, setRemembered] = useState(false);
  const { canAccess: canSave } = useCanAccess({ resource: "annualReportSignatures", action: "edit" });
  const t = (key: string) => translate(`eduplan.reporting.annualReport.${key}`);

  // The choice kept for this report, each time the dialog opens.
  useEffect(() => {
    if (!open) return;
    let live = true;
    trpc.reporting.annualReportSignature
      .query({ localityId, year })
      .then((kept) => {
        if (!live || !kept) return;
        const keptIssuer = kept.issuer as Issuer;
        setIssuer(keptIssuer);
        setForm(FORMS[keptIssuer].includes((kept.signingForm ?? "") as SigningForm) ? ((kept.signingForm ?? "") as SigningForm) : FORMS[keptIssuer][0]!);
        setSignerName(String(kept.signerName ?? ""));
        setSignerTitle(String(kept.signerTitle ?? ""));
        setDraftingUnit(String(kept.draftingUnit ?? ""));
        setRemembered(true);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [open, localityId, year]);

  const chooseIssuer = (next: Issuer) => {
    setIssuer(next);
    setForm(FORMS[next][0]!);
  };
  const download = async () => {
    setBusy(true);
    try {
      if (canSave)
        await trpc.reporting.saveAnnualReportSignature.mutate({
          localityId,
          year,
          issuer,
          signingForm: form || null,
          signerName: signerName.trim() || null,
          signerTitle: signerTitle.trim() || null,
          draftingUnit: draftingUnit.trim() || null,
        });
      downloadFile(
        await trpc.reporting.annualReport.query({
          localityId,
          year,
          format: "docx",
          issuer,
          signingForm: form || undefined,
          signerName: signerName.trim() || undefined,
          signerTitle: signerTitle.trim() || undefined,
          draftingUnit: draftingUnit.trim() || undefined,
        }),
      );
      setOpen(false);
    } catch (error) {
      notify(describeError(error, locale).message, { type: "error" });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="contained" startIcon={<DescriptionIcon />} onClick={() => setOpen(true)} data-testid="download-annual-docx">
        {translate("eduplan.reporting.consolidation.download.docx")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="xs" fullWidth>
        <DialogTitle>{t("title")}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t("intro")} {canSave ? t(remembered ? "remembered" : "willRemember") : null}
          </Typography>
          <Stack spacing={2}>
            <TextField select size="small" label={t("issuer")} value={issuer} onChange={(e) => chooseIssuer(e.target.value as Issuer)} slotProps={{ htmlInput: { "data-testid": "annual-issuer" } }}>
              <MenuItem value="educationDept">{t("issuers.educationDept")}</MenuItem>
              <MenuItem value="peoplesCommittee">{t("issuers.peoplesCommittee")}</MenuItem>
            </TextField>
            <TextField select size="small" label={t("signingForm")} value={form} onChange={(e) => setForm(e.target.value as SigningForm)} slotProps={{ htmlInput: { "data-testid": "annual-signing-form" } }}>
              {FORMS[issuer].map((f) => (
                <MenuItem key={f || "direct"} value={f}>
                  {t(`forms.${issuer}.${f || "direct"}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" label={t("signerName")} value={signerName} onChange={(e) => setSignerName(e.target.value)} helperText={t("signerNameHint")} slotProps={{ htmlInput: { maxLength: 120, "data-testid": "annual-signer" } }} />
            <TextField size="small" label={t("signerTitle")} value={signerTitle} onChange={(e) => setSignerTitle(e.target.value)} helperText={t("signerTitleHint")} disabled={form === "Q"} slotProps={{ htmlInput: { maxLength: 120, "data-testid": "annual-signer-title" } }} />
            <TextField size="small" label={t("draftingUnit")} value={draftingUnit} onChange={(e) => setDraftingUnit(e.target.value)} helperText={t("draftingUnitHint")} slotProps={{ htmlInput: { maxLength: 40, "data-testid": "annual-drafting-unit" } }} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate("ra.action.cancel")}</Button>
          <Button variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : <DescriptionIcon />} onClick={() => void download()} data-testid="annual-docx-confirm">
            {t("download")}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
