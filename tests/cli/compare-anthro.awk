# compare-anthro.awk - compares two anthro_prevalence() CSV files cell by cell:
# the expected file first, then ours; NA must match NA, numbers within 1e-6
# relative. Prints "differ: N, max rel dev X at ROW COL".
BEGIN { FS = "," }
NR == FNR { gsub(/["\r]/, ""); for (i = 1; i <= NF; i++) e[FNR, i] = $i; ne[FNR] = NF; next }
{ gsub(/["\r]/, ""); if (NF != ne[FNR]) { print "row " FNR " fields " NF " vs " ne[FNR]; bad++ }
  for (i = 2; i <= NF; i++) { a = $i; b = e[FNR, i];
    if (a == "NA" || b == "NA") { if (a != b) { bad++; if (bad < 15) print FNR, i, a, b } continue }
    d = a - b; if (d < 0) d = -d; s = (b < 0 ? -b : b); rel = d / (s > 1e-9 ? s : 1);
    if (rel > max) { max = rel; where = FNR " " i }
    if (rel > 1e-6) { bad++; if (bad < 15) print "row " FNR " col " i ": " a " vs " b } } }
END { print "differ: " bad + 0 ", max rel dev " max " at " where }
