#!/bin/bash
# ODK Central: publishing again changes nothing (every form "already
# published", the same app user and token); a changed form is published as
# a new version while requests saved under the old one still arrive, each
# under the version it was saved with. A request of the new version saved
# before provincial IT published it pauses the worker (Central: that form
# version does not exist), nothing is set aside, and publishing lets it go.
. tests/upload/lib.sh
. tests/tools/central.bash
CONTENT_DIR=$T/content
mkdir -p "$CONTENT_DIR"
cp -r screens "$CONTENT_DIR/screens"
ln -s "$PWD/locale" "$CONTENT_DIR/locale"
ln -s "$PWD/assets" "$CONTENT_DIR/assets"
central_up
central_booth
publish() {
	CENTRAL_PASSWORD=$ODK_ADMIN_PASSWORD ./build/kioskctl --config "$T/booth.ini" central \
		publish --url "$ODK_BASE_URL" --project "$P" --email "$ODK_ADMIN_EMAIL" \
		>"$T/again.ini" 2>"$T/publish.log" || { cat "$T/publish.log"; fail "central publish"; }
}
forms=$(ls screens/forms/*.form | wc -l)
publish
[ "$(grep -c ': already published$' "$T/publish.log")" = "$forms" ] ||
	{ cat "$T/publish.log"; fail "publishing the same forms again changed something"; }
grep -q '^app user .*: reused$' "$T/publish.log" && cmp -s "$T/upload.ini" "$T/again.ini" ||
	fail "the app user was not reused"

version() { kctl xform 10-khai-sinh | sed -n 's/^ *<data id="10-khai-sinh" version="\([0-9a-f]*\)">$/\1/p'; }
old=$(version)
./build/tools/form_fill "$T/kiosk.ini" 10-khai-sinh 5 >>"$T/ids"
# The form changes: a field goes, two options swap places.
f=$CONTENT_DIR/screens/forms/10-khai-sinh.form
sed -i -e '/requester_phone/d' -e 's/^option     Cha$/option     TMP/' \
	-e 's/^option     Mẹ$/option     Cha/' -e 's/^option     TMP$/option     Mẹ/' "$f"
new=$(version)
[ -n "$old" ] && [ "$old" != "$new" ] || fail "the version did not change with the form"
./build/tools/form_fill "$T/kiosk.ini" 10-khai-sinh 3 >>"$T/ids"

rc=0
kctl sync --once --json >"$T/out" 2>"$T/log" || rc=$?
cat "$T/out"
[ "$rc" = 3 ] && grep -q '"sent":5,' "$T/out" && grep -q '"quarantined":0,' "$T/out" &&
	grep -q '"waiting":3,' "$T/out" && grep -q '"paused":"HTTP 404.*version .*does not exist' "$T/out" ||
	fail "a version not yet published: exit $rc"
kctl status | grep -q "'$new' does not exist" || fail "kioskctl status does not say why"

publish
grep -q "^10-khai-sinh version $new: published$" "$T/publish.log" &&
	[ "$(grep -c ': already published$' "$T/publish.log")" = $((forms - 1)) ] ||
	{ cat "$T/publish.log"; fail "the changed form was not published as a new version"; }
kctl sync --once --json >"$T/out" 2>"$T/log" || fail "after publishing: $(cat "$T/out")"
grep -q '"sent":3,' "$T/out" || fail "after publishing: $(cat "$T/out")"
central_py check "$T/state" "$P" || fail "Central does not hold the requests as saved"
central_py versions "$P" 10-khai-sinh | awk '{print $2}' | sort | uniq -c >"$T/versions"
cat "$T/versions"
grep -qx " *5 $old" "$T/versions" && grep -qx " *3 $new" "$T/versions" ||
	fail "the submissions are not under the versions they were saved with"
