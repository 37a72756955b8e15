#!/bin/sh
# fetch-who-tables.sh DIR
# For a machine without ../shared/who: downloads WHO's growth tables from WHO's
# public repositories (WorldHealthOrganization/anthro and /anthroplus, folder
# data-raw/growthstandards/) into DIR and verifies them against the pinned
# checksums in data/who-tables.sha256. Then build with: make WHO_DIR=DIR
set -eu
dir=${1:-who}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
anthro=https://raw.githubusercontent.com/WorldHealthOrganization/anthro/master/data-raw/growthstandards
plus=https://raw.githubusercontent.com/WorldHealthOrganization/anthroplus/master/data-raw/growthstandards
for f in acanthro bmianthro hcanthro lenanthro ssanthro tsanthro weianthro wfhanthro wflanthro; do
  curl -fsSL -o "$dir/$f.txt" "$anthro/$f.txt"
done
for f in bfawho2007 hfawho2007 wfawho2007; do
  curl -fsSL -o "$dir/$f.txt" "$plus/$f.txt"
done
cp "$here/data/who-tables.sha256" "$dir/SHA256SUMS"
"$here/scripts/verify-who-tables.sh" "$dir" "$here/data/who-tables.sha256"
echo "WHO tables fetched and verified in $dir"
