# Shared by the fleet tests (tests/cli/fleet_*.sh): a real OpenSSH sshd on a
# free loopback port with keys made for the test, booths as config files
# (each its own state folder and content store), real ssh-keygen signing.
# Source it from the top of the checkout; it cleans up after itself.
set -u
ROOT=$PWD
CTL=$ROOT/build/kioskctl
T=$(mktemp -d /tmp/kiosk-fleet-XXXXXX)
chmod 755 "$T"
SSHD_PID=""

cleanup() {
	if [ -n "$SSHD_PID" ]; then
		kill "$SSHD_PID" 2>/dev/null
		wait "$SSHD_PID" 2>/dev/null
	fi
	rm -rf "$T"
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*"
	exit 1
}

# free_port: a TCP port nobody listens on now.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# make_key NAME [COMMENT]: an ed25519 key pair $T/NAME, $T/NAME.pub.
make_key() {
	ssh-keygen -q -t ed25519 -N '' -C "${2:-$1}" -f "$T/$1"
}

# make_booth NAME: $T/NAME.ini, a booth whose state is $T/NAME/var and whose
# content store is $T/NAME/content (current -> releases/...), trusting the
# keys in $T/NAME/allowed_signers.
make_booth() {
	mkdir -p "$T/$1"
	: >"$T/$1/allowed_signers"
	cat >"$T/$1.ini" <<INI
[booth]
id = $1
[paths]
state_dir = $T/$1/var
content_dir = $T/$1/content/current
[content]
allowed_signers = $T/$1/allowed_signers
[printer]
type = file
path = $T/$1/printer
INI
}

# trust BOOTH KEY PRINCIPAL: BOOTH accepts bundles signed with KEY.
trust() {
	echo "$3 $(cut -d' ' -f1,2 "$T/$2.pub")" >>"$T/$1/allowed_signers"
}

# make_content DIR: a copy of the demo content folder (links followed).
make_content() {
	mkdir -p "$1"
	cp -RL "$ROOT/build/content/screens" "$ROOT/build/content/locale" "$1/"
	mkdir -p "$1/assets"
	cp "$ROOT/build/content/content.db" "$1/"
	echo "$1" >"$1/assets/made-for.txt"
}

# pack SRC KEY VERSION: $T/VERSION.bundle, signed with $T/KEY.
pack() {
	"$CTL" content pack "$1" "$T/$2" --version "$3" --output "$T/$3.bundle" >/dev/null ||
		fail "packing $3"
}

# start_sshd: sshd on 127.0.0.1:$PORT as root, logging in root with the
# keys of $T/authorized_keys (StrictModes off: the files are the test's).
start_sshd() {
	PORT=$(free_port)
	mkdir -p /run/sshd
	ssh-keygen -q -t ed25519 -N '' -f "$T/host_key"
	: >"$T/authorized_keys"
	cat >"$T/sshd_config" <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $T/host_key
PidFile $T/sshd.pid
AuthorizedKeysFile $T/authorized_keys
StrictModes no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitUserEnvironment no
X11Forwarding no
Subsystem sftp internal-sftp
LogLevel ERROR
CONF
	/usr/sbin/sshd -D -e -f "$T/sshd_config" 2>"$T/sshd.log" &
	SSHD_PID=$!
	for _ in $(seq 100); do
		python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" \
			2>/dev/null && return 0
		kill -0 "$SSHD_PID" 2>/dev/null || break
		sleep 0.1
	done
	cat "$T/sshd.log"
	fail "sshd did not start on port $PORT"
}

# authorize KEY [OPTIONS]: lets $T/KEY log in, with authorized_keys OPTIONS
# (e.g. a forced command).
authorize() {
	if [ -n "${2:-}" ]; then
		echo "$2 $(cat "$T/$1.pub")"
	else
		cat "$T/$1.pub"
	fi >>"$T/authorized_keys"
}

# helper_key KEY BOOTH: $T/KEY logs in as a helper of BOOTH: kioskctl only.
helper_key() {
	authorize "$1" "restrict,command=\"$CTL --config $T/$2.ini --ssh\""
}

# on KEY COMMAND...: runs COMMAND over SSH with $T/KEY.
on() {
	local key=$1
	shift
	ssh -F /dev/null -p "$PORT" -i "$T/$key" -o BatchMode=yes -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o IdentitiesOnly=yes \
		root@127.0.0.1 "$@"
}

# json_get FIELD.PATH: reads one value from the JSON document on stdin.
json_get() {
	python3 -c 'import json, sys
v = json.load(sys.stdin)
for k in sys.argv[1].split("."):
    v = v[k]
print(v)' "$1"
}

# current BOOTH: the version BOOTH's current link names ("" if none).
current() {
	readlink "$T/$1/content/current" | sed -n 's|^releases/||p'
}
