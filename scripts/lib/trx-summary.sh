#!/usr/bin/env bash
# trx-summary.sh DIR: totals the <Counters> of every TRX file under DIR and prints
# "N passed, N failed" (", N skipped" when any). Fails when a test failed or none ran.
set -euo pipefail

dir=$1
passed=0 failed=0 skipped=0 files=0
while IFS= read -r -d '' trx; do
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(value total) executed=$(value executed)
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + total - executed))
done < <(find "$dir" -name '*.trx' -print0 2>/dev/null)

# Name every failed test, with the start of its message, so a red run says what broke.
while IFS= read -r -d '' trx; do
  awk '
    /<UnitTestResult / { failed = /outcome="Failed"/; in_message = 0; lines = 0 }
    failed && /<UnitTestResult / { match($0, /testName="[^"]*"/); print "FAILED: " substr($0, RSTART + 10, RLENGTH - 11) }
    failed && /<Message>/ { in_message = 1 }
    failed && in_message {
      line = $0; ends = line ~ /<\/Message>/
      sub(/.*<Message>/, "", line); sub(/<\/Message>.*/, "", line)
      if (lines++ < 150) print "  " line
      if (ends) { in_message = 0; failed = 0 }
    }
  ' "$trx" >&2
done < <(find "$dir" -name '*.trx' -print0 2>/dev/null)

none_ran=0
if [ "$files" -eq 0 ] || [ $((passed + failed)) -eq 0 ]; then
  echo "error: no test ran" >&2
  none_ran=1
fi

line="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then
  line="$line, $skipped skipped"
fi
echo "$line"
[ "$none_ran" -eq 0 ] && [ "$failed" -eq 0 ]
