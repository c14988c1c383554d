#!/usr/bin/env bash
# M5 (issue 14): the date suites under time zones with unusual offsets (+14 h, +13 h with
# past DST, −3:30) and UTC. Calendar arithmetic must not depend on the host time zone.
# Only the few date-related test files: about 30–40 s in all on the 2-core machine.
set -u
cd "$(dirname "$0")/../.."
status=0
files="test/trust/m4-m5-calendar.test.ts test/contracts/worked-examples.test.ts test/contracts/regressions.test.ts test/tiers/regressions.test.ts"
for tz in UTC Pacific/Kiritimati Pacific/Apia America/St_Johns; do
  echo "TZ=$tz"
  TZ=$tz npx vitest run $files --reporter=dot || status=1
done
exit $status
