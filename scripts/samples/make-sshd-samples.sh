#!/usr/bin/env bash
# Makes test/golden/cases/linux-auth/real-sshd.log: lines written by a real OpenSSH sshd for real logins on loopback.
#
# Not run by CI: the committed lines are the data. Run it as root on a Debian-like host where you may add a
# throwaway user (`apt-get install -y openssh-server sshpass`), then regenerate the expected file with
# `YAGURA_UPDATE_GOLDEN=1 npx vitest run test/golden/cases.test.ts` and review it.
#
# How the lines are made:
# - A second sshd (own host key, own config, free loopback port, v4 and v6) runs in the foreground with
#   `-D -E sshd.log -o LogLevel=INFO`. UsePAM is off, so sshd checks the password itself and every line is sshd's.
# - A throwaway user gets a password and one authorized key; then: a wrong password, an unknown user, a key that
#   is not authorized, more unauthorized keys than MaxAuthTries allows, an accepted password login, an accepted
#   publickey login (over IPv6), an sftp session. The user is deleted at the end. (OpenSSH 9.2 logs the sftp
#   subsystem request at DEBUG, so at INFO that session shows only as a publickey login.)
# - `sshd -E` writes bare messages (no time, host or pid). Each line is handed to util-linux `logger` as it is
#   written, and logger sends it the way rsyslog forwards auth.log: RFC 3164 over UDP,
#   `<38>Mmm dd hh:mm:ss host sshd[pid]: msg` (facility auth, severity info). The pid is the listening sshd's:
#   the per-connection pid that syslog(3) would show is not in -E output. A small UDP listener writes each datagram
#   as one line of the output file. The "\r" sshd -E puts at the end of each line is removed on the way.
set -euo pipefail

OUT=${1:-"$(cd "$(dirname "$0")/../.." && pwd)/test/golden/cases/linux-auth/real-sshd.log"}
SAMPLE_USER=${SAMPLE_USER:-yagura-sample}
WORK=$(mktemp -d /tmp/yagura-sshd.XXXXXX)
PASSWORD="Y-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
SSH_PORT=$(free_port)
UDP_PORT=$(free_port)

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  userdel -r "$SAMPLE_USER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The syslog receiver: one datagram, one line.
python3 - "$UDP_PORT" "$WORK/received.log" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
with open(sys.argv[2], "a", buffering=1) as out:
    while True:
        data, _ = s.recvfrom(65535)
        out.write(data.decode("utf-8", "replace").rstrip("\n") + "\n")
PY
PIDS+=($!)

ssh-keygen -q -t ed25519 -N '' -f "$WORK/host_ed25519"
ssh-keygen -q -t ed25519 -N '' -f "$WORK/accepted_key"
for k in 1 2 3 4; do ssh-keygen -q -t rsa -b 3072 -N '' -f "$WORK/stray_key$k"; done

useradd -m -s /bin/sh "$SAMPLE_USER"
echo "$SAMPLE_USER:$PASSWORD" | chpasswd
install -d -m 700 -o "$SAMPLE_USER" "/home/$SAMPLE_USER/.ssh"
install -m 600 -o "$SAMPLE_USER" "$WORK/accepted_key.pub" "/home/$SAMPLE_USER/.ssh/authorized_keys"

cat >"$WORK/sshd_config" <<EOF
Port $SSH_PORT
ListenAddress 127.0.0.1
ListenAddress ::1
HostKey $WORK/host_ed25519
PidFile $WORK/sshd.pid
UsePAM no
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication yes
MaxAuthTries 3
Subsystem sftp /usr/lib/openssh/sftp-server
EOF
mkdir -p /run/sshd # sshd's privilege separation directory
: >"$WORK/sshd.log"
/usr/sbin/sshd -D -E "$WORK/sshd.log" -f "$WORK/sshd_config" -o LogLevel=INFO &
SSHD_PID=$!
PIDS+=("$SSHD_PID")

# Hand each new line of the -E file to logger while sshd writes it, so the header time is the line's own.
# sshd -E ends its lines with "\r\n" (it writes as to a terminal); syslog(3) would not send the "\r".
mkfifo "$WORK/raw-lines" "$WORK/lines"
logger --rfc3164 -p auth.info -t sshd --id="$SSHD_PID" -n 127.0.0.1 -P "$UDP_PORT" -d <"$WORK/lines" &
PIDS+=($!)
sed -u 's/\r$//' <"$WORK/raw-lines" >"$WORK/lines" &
PIDS+=($!)
tail -n +1 -F "$WORK/sshd.log" 2>/dev/null >"$WORK/raw-lines" &
PIDS+=($!)
sleep 1

SSH=(ssh -p "$SSH_PORT" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR
  -o BatchMode=no -o ConnectTimeout=5)
try() { "$@" </dev/null >/dev/null 2>&1 || true; sleep 1; }

# 1. A wrong password for a real user.
try sshpass -p 'wrong-password' "${SSH[@]}" -o PubkeyAuthentication=no -o NumberOfPasswordPrompts=1 \
  "$SAMPLE_USER@127.0.0.1" true
# 2. A user that does not exist.
try sshpass -p 'guess' "${SSH[@]}" -o PubkeyAuthentication=no -o NumberOfPasswordPrompts=1 oracle@127.0.0.1 true
# 3. A key that is not in authorized_keys.
try "${SSH[@]}" -o BatchMode=yes -o IdentitiesOnly=yes -o PreferredAuthentications=publickey \
  -i "$WORK/stray_key1" "$SAMPLE_USER@127.0.0.1" true
# 4. More failed attempts than MaxAuthTries allows: four keys that are not authorized.
# (sshpass answers a password prompt only once, so repeated wrong passwords cannot be made with it.)
try "${SSH[@]}" -o BatchMode=yes -o IdentitiesOnly=yes -o PreferredAuthentications=publickey \
  -i "$WORK/stray_key1" -i "$WORK/stray_key2" -i "$WORK/stray_key3" -i "$WORK/stray_key4" \
  "$SAMPLE_USER@127.0.0.1" true
# 5. The right password.
try sshpass -p "$PASSWORD" "${SSH[@]}" -o PubkeyAuthentication=no "$SAMPLE_USER@127.0.0.1" true
# 6. The authorized key, over IPv6.
try "${SSH[@]}" -o BatchMode=yes -o IdentitiesOnly=yes -i "$WORK/accepted_key" "$SAMPLE_USER@::1" id
# 7. An sftp session (sftp -b allows no password prompt: the authorized key).
echo 'ls' >"$WORK/sftp-batch"
try sftp -P "$SSH_PORT" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o IdentitiesOnly=yes \
  -i "$WORK/accepted_key" -b "$WORK/sftp-batch" "$SAMPLE_USER@127.0.0.1"
sleep 2

mkdir -p "$(dirname "$OUT")"
cp "$WORK/received.log" "$OUT"
echo "wrote $(wc -l <"$OUT") lines to $OUT"
