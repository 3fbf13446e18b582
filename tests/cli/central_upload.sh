#!/bin/bash
# ODK Central, the real server (../shared/peers/odk-central): kioskctl
# central publish publishes every form into a new project and prints the
# booth's [upload] lines; a request of each form, saved as the kiosk saves
# it, goes up with kioskctl sync as OpenRosa and is read back through
# Central's API: byte for byte the frozen bytes, every field as typed
# (Vietnamese, & < > and quotes included), exactly one submission each.
# Then Central's refusals: other bytes under a sent instanceID (409) set
# that one request aside; a wrong app-user token (401) pauses the worker
# without setting anything aside, says so in kioskctl status, and the
# right token resumes it.
. tests/upload/lib.sh
. tests/tools/central.bash
central_up
central_booth
grep -c ": published" "$T/publish.log" | grep -qx "$(ls screens/forms/*.form | wc -l)" ||
	{ cat "$T/publish.log"; fail "not every form was published"; }
grep -qx "protocol = openrosa" "$T/upload.ini" && grep -qx "project = $P" "$T/upload.ini" ||
	fail "the printed [upload] lines: $(cat "$T/upload.ini")"
kctl check >"$T/check.log" || { cat "$T/check.log"; fail "kioskctl check refuses the printed lines"; }

# One request of every form, then one more with an empty optional field.
central_fill "$(ls screens/forms/*.form | wc -l)"
./build/tools/form_fill "$T/kiosk.ini" 10-khai-sinh 1 requester_phone= >>"$T/ids" || fail "form_fill"
kctl sync --once --json >"$T/out" 2>"$T/log" || { cat "$T/log"; fail "sync exited $?"; }
grep -q '"ok":true,"sent":11,' "$T/out" || fail "sync: $(cat "$T/out")"
central_py check "$T/state" "$P" || fail "Central does not hold the requests as saved"

# 409: Central has other bytes under the instanceID of a waiting request.
./build/tools/form_fill "$T/kiosk.ini" feedback 1 >>"$T/ids"
id=$(req 12)
sql "SELECT xml FROM submissions WHERE id = '$id'" | sed 's/Việc khác/Thủ tục hành chính/' >"$T/other.xml"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
	-H 'X-OpenRosa-Version: 1.0' -F "xml_submission_file=@$T/other.xml;type=text/xml" \
	"$ODK_BASE_URL/v1/projects/$P/submission")
[ "$code" = 201 ] || fail "posting the other bytes: $code"
rc=0
kctl sync --once --json >"$T/out" 2>"$T/log" || rc=$?
[ "$rc" = 3 ] && grep -q '"quarantined":1,' "$T/out" || fail "409: exit $rc, $(cat "$T/out")"
[ "$(sql "SELECT state FROM submissions WHERE id = '$id'")" = quarantined ] || fail "not set aside"
sql "SELECT last_error FROM submissions WHERE id = '$id'" | grep -q "HTTP 409" || fail "no reason"

# 401 for every request: paused, nothing set aside, and it says so.
sed -i "s/^token = .*/token = wrong$TOKEN/" "$T/kiosk.ini"
./build/tools/form_fill "$T/kiosk.ini" 20-khai-tu 3 >>"$T/ids"
rc=0
kctl sync --once --json >"$T/out" 2>"$T/log" || rc=$?
cat "$T/out"
[ "$rc" = 3 ] || fail "a paused sync exited $rc"
grep -q '"sent":0,' "$T/out" && grep -q '"quarantined":0,' "$T/out" &&
	grep -q '"waiting":3,' "$T/out" && grep -q '"paused":"HTTP 401' "$T/out" || fail "401: $(cat "$T/out")"
kctl status | grep -q "PAUSED" || fail "kioskctl status does not say the uploads pause"
sed -i "s/^token = .*/token = $TOKEN/" "$T/kiosk.ini"
kctl sync --once --json >"$T/out" 2>"$T/log" || fail "after the token was fixed: $(cat "$T/out")"
grep -q '"sent":3,' "$T/out" && grep -q '"paused":null' "$T/out" || fail "resumed: $(cat "$T/out")"
kctl status | grep -q "PAUSED" && fail "still paused in kioskctl status"
echo "ok"
