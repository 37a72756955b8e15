# tests/cli-lib.sh - shared by the CLI tests (sourced): the binary under test,
# WHO's examples, a work directory removed on exit, and check/counters.
# A test ends with: echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]
T=${TUMBUH:-build/san/tumbuh}
EX="${WHO_DIR:-../shared/who}/examples"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
pass=0
fail=0
# check DESCRIPTION CONDITION: counts a pass or a failure (printed on stderr).
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1" >&2; fi; }
