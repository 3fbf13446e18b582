# deploy/ansible/rollout.yml with the real ansible-playbook over a real
# sshd on loopback, against three booths (separate configs, state folders
# and content stores): a bundle reaches two booths; a booth that refuses
# the next one stops the rollout there, the booths after it untouched.
. tests/fleet/lib.sh

make_key province province@test
make_key other other@test
make_key admin
start_sshd
authorize admin
for b in b1 b2 b3; do
	make_booth $b
	trust $b province province@test
done
make_content "$T/src2"
make_content "$T/src3"
echo three >>"$T/src3/assets/made-for.txt"
pack "$T/src2" province 2.0
pack "$T/src3" province 3.0

cat >"$T/inventory.ini" <<INV
[booths]
b1 kiosk_config=$T/b1.ini
b2 kiosk_config=$T/b2.ini
b3 kiosk_config=$T/b3.ini

[booths:vars]
ansible_host=127.0.0.1
ansible_port=$PORT
ansible_user=root
ansible_ssh_private_key_file=$T/admin
ansible_ssh_common_args=-F /dev/null -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o IdentitiesOnly=yes
ansible_python_interpreter=/usr/bin/python3
ansible_pipelining=true
kioskctl=$CTL
upload_dir=$T
INV
export ANSIBLE_HOST_KEY_CHECKING=False ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=False
export ANSIBLE_LOCAL_TEMP=$T/ansible-local ANSIBLE_REMOTE_TMP=$T/ansible-remote
# No ssh master left running after the test.
export ANSIBLE_SSH_ARGS="-o ControlMaster=no"

# rollout BUNDLE [ARGS]: runs the playbook; its output in $T/play.log.
rollout() {
	local bundle=$1
	shift
	ansible-playbook -i "$T/inventory.ini" deploy/ansible/rollout.yml -e "bundle=$T/$bundle" "$@" \
		>"$T/play.log" 2>&1
}

rollout 2.0.bundle --limit b1,b2 || { cat "$T/play.log"; fail "the rollout of 2.0 failed"; }
for b in b1 b2; do
	[ "$(current $b)" = 2.0 ] || fail "$b is on '$(current $b)' after the rollout of 2.0"
done
[ "$(current b3)" = "" ] || fail "b3 was not in the rollout of 2.0"
grep -q "b2: software $(cat VERSION), content 2.0" "$T/play.log" || fail "no status check in the output"
echo "ok: 2.0 rolled out to two booths"

# b2 no longer trusts the province's key: the rollout of 3.0 stops there.
echo "other@test $(cut -d' ' -f1,2 "$T/other.pub")" >"$T/b2/allowed_signers"
rollout 3.0.bundle && { cat "$T/play.log"; fail "the rollout went on past a failing booth"; }
[ "$(current b1)" = 3.0 ] || fail "b1 is on $(current b1)"
[ "$(current b2)" = 2.0 ] || fail "b2 is on $(current b2)"
[ "$(current b3)" = "" ] || fail "b3 was updated after b2 failed"
grep -q "the signature is not by a key in" "$T/play.log" || fail "b2's reason is not shown"
grep -A3 "PLAY RECAP" "$T/play.log"
echo "ok: stopped at the failing booth, the next one untouched"
