#!/usr/bin/env bash
# Makes test/golden/cases/suricata/real-suricata.log and test/golden/cases/squid/real-squid*.log: lines written
# by a real Suricata (EVE JSON) and a real Squid (access.log) for real traffic on loopback.
#
# Not run by CI: the committed lines are the data. Run it as root on a Debian 12 host. Suricata is not in bookworm
# itself: enable the bookworm-backports suite (deb.debian.org, component main) for it, then
#   apt-get install -y -t bookworm-backports suricata   (the committed lines came from Suricata 7.0.10)
#   apt-get install -y squid tcpdump dnsutils curl openssl   (Squid 5.7)
# then regenerate the expected files with
#   YAGURA_UPDATE_GOLDEN=1 npx vitest run test/golden/cases.test.ts -t 'suricata|squid'
# and review them line by line.
#
# How the lines are made:
# - Local servers on free loopback ports: `python3 -m http.server` (a page, a file, 404s), `openssl s_server -www`
#   with a throwaway self-signed certificate, and a tiny UDP DNS responder (A/AAAA answers, NXDOMAIN for nx.*).
# - tcpdump captures the loopback interface while curl (HTTP, also over IPv6), dig and openssl s_client talk to
#   them; then Suricata reads the capture offline (`suricata -r`) with a three-rule file that fires on an HTTP URI,
#   a DNS query name and a TLS SNI. `-k none` because loopback packets carry unfinished checksums; the DNS port is
#   added to Suricata's DNS detection ports with --set. Suricata writes eve.json (alert, http, dns v2, tls, fileinfo,
#   flow, stats, and anomaly when it sees one); a few lines of each event type are kept.
# - Squid 5 runs in the foreground with its own squid.conf (own port, no cache, logs to files): one access_log in
#   Squid's native format and one in the `combined` format Squid ships. curl sends requests through it: 200, 404,
#   HEAD, POST (501 from the simple server), a CONNECT tunnel to the TLS server, a domain the ACL denies
#   (403 TCP_DENIED), a CONNECT to a port the ACL does not allow (403), a port nobody listens on (503), and a name
#   that does not resolve (502).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SURICATA_OUT=${SURICATA_OUT:-"$ROOT/test/golden/cases/suricata/real-suricata.log"}
SQUID_OUT=${SQUID_OUT:-"$ROOT/test/golden/cases/squid/real-squid.log"}
SQUID_COMBINED_OUT=${SQUID_COMBINED_OUT:-"$ROOT/test/golden/cases/squid/real-squid-combined.log"}
WORK=$(mktemp -d /tmp/yagura-ids-proxy.XXXXXX)
chmod 755 "$WORK"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
HTTP_PORT=$(free_port)
TLS_PORT=$(free_port)
DNS_PORT=$(free_port)
SQUID_PORT=$(free_port)
DEAD_PORT=$(free_port)

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- servers ---------------------------------------------------------------------------------------------------
mkdir -p "$WORK/www/admin" "$WORK/www/files"
printf '<html><body>Yagura sample page</body></html>\n' >"$WORK/www/index.html"
printf '<html><body>admin</body></html>\n' >"$WORK/www/admin/index.html"
head -c 4096 /dev/urandom >"$WORK/www/files/report.bin"
printf 'plain text for fileinfo\n' >"$WORK/www/files/notes.txt"
(cd "$WORK/www" && exec python3 -m http.server "$HTTP_PORT" --bind :: >"$WORK/http.log" 2>&1) &
PIDS+=($!)

openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$WORK/tls.key" -out "$WORK/tls.crt" \
  -subj "/C=JP/ST=Tokyo/L=Chiyoda/O=Yagura Samples/OU=IDS Lab/CN=yagura.test" 2>/dev/null
openssl s_server -quiet -www -accept "$TLS_PORT" -cert "$WORK/tls.crt" -key "$WORK/tls.key" >"$WORK/tls.log" 2>&1 &
PIDS+=($!)

# A minimal DNS responder: enough for dig and for Suricata's DNS parser (one question, A/AAAA answers).
python3 - "$DNS_PORT" <<'PY' &
import socket, struct, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
while True:
    q, addr = s.recvfrom(512)
    tid, flags = struct.unpack(">HH", q[:4])
    i, labels = 12, []
    while q[i]:
        labels.append(q[i + 1 : i + 1 + q[i]].decode()); i += q[i] + 1
    qtype = struct.unpack(">H", q[i + 1 : i + 3])[0]
    question = q[12 : i + 5]
    name = ".".join(labels)
    answers = b""
    rcode = 3 if name.startswith("nx.") else 0
    if rcode == 0 and qtype == 1:
        for ip in ("192.0.2.10", "192.0.2.11"):
            answers += b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 300, 4) + socket.inet_aton(ip)
    elif rcode == 0 and qtype == 28:
        answers += b"\xc0\x0c" + struct.pack(">HHIH", 28, 1, 300, 16) + socket.inet_pton(socket.AF_INET6, "2001:db8::10")
    count = answers.count(b"\xc0\x0c")
    header = struct.pack(">HHHHHH", tid, 0x8180 | rcode, 1, count, 0, 0)
    s.sendto(header + question + answers, addr)
PY
PIDS+=($!)
sleep 1

# --- Suricata: capture, then read the capture --------------------------------------------------------------------
tcpdump -i lo -s 0 -U -w "$WORK/lo.pcap" "port $HTTP_PORT or port $TLS_PORT or port $DNS_PORT" 2>"$WORK/tcpdump.log" &
TCPDUMP=$!
PIDS+=($TCPDUMP)
sleep 2

UA='Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'
curl -s -o /dev/null -A "$UA" "http://127.0.0.1:$HTTP_PORT/"
curl -s -o /dev/null -A "$UA" "http://127.0.0.1:$HTTP_PORT/admin/?user=root&debug=1"
curl -s -o /dev/null -A "$UA" -H 'Referer: http://intranet.yagura.test/' "http://127.0.0.1:$HTTP_PORT/files/report.bin"
curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/files/notes.txt"
curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/missing.php"
curl -s -o /dev/null -g "http://[::1]:$HTTP_PORT/index.html"
dig +short +tries=1 +time=2 -p "$DNS_PORT" @127.0.0.1 www.yagura.test A >/dev/null
dig +short +tries=1 +time=2 -p "$DNS_PORT" @127.0.0.1 www.yagura.test AAAA >/dev/null
dig +short +tries=1 +time=2 -p "$DNS_PORT" @127.0.0.1 c2.evil.example A >/dev/null
dig +short +tries=1 +time=2 -p "$DNS_PORT" @127.0.0.1 nx.yagura.test A >/dev/null
echo | openssl s_client -connect "127.0.0.1:$TLS_PORT" -servername yagura.test >/dev/null 2>&1 || true
echo | openssl s_client -tls1_2 -connect "127.0.0.1:$TLS_PORT" -servername www.yagura.test >/dev/null 2>&1 || true
sleep 2
kill "$TCPDUMP"
wait "$TCPDUMP" 2>/dev/null || true

cat >"$WORK/yagura.rules" <<'RULES'
alert http any any -> any any (msg:"YAGURA SAMPLE admin path requested"; flow:established,to_server; http.uri; content:"/admin/"; classtype:web-application-attack; metadata:created_at 2026_11_01, signature_severity Major; sid:9000001; rev:2;)
alert dns any any -> any any (msg:"YAGURA SAMPLE DNS query for evil.example"; dns.query; content:"evil.example"; nocase; endswith; classtype:bad-unknown; sid:9000002; rev:1;)
alert tls any any -> any any (msg:"YAGURA SAMPLE TLS SNI yagura.test"; tls.sni; content:"yagura.test"; endswith; classtype:policy-violation; sid:9000003; rev:1;)
RULES
mkdir -p "$WORK/suricata"
suricata -c /etc/suricata/suricata.yaml -r "$WORK/lo.pcap" -k none -S "$WORK/yagura.rules" -l "$WORK/suricata" \
  --set "app-layer.protocols.dns.udp.detection-ports.dp=53,$DNS_PORT" >"$WORK/suricata.out" 2>&1

# Keep every alert, tls and anomaly line, a few of the other types (an IPv6 one first where there is one) and the
# last stats line.
python3 - "$WORK/suricata/eve.json" "$SURICATA_OUT" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1]) if l.strip()]
caps = {"alert": 99, "tls": 99, "anomaly": 99, "http": 3, "fileinfo": 2, "dns": 8, "flow": 2}
by_type = {}
for l in lines:
    by_type.setdefault(json.loads(l).get("event_type"), []).append(l)
keep = []
for t, cap in caps.items():
    group = by_type.get(t, [])
    v6 = [l for l in group if ":" in json.loads(l).get("src_ip", "")][:1]
    keep += v6 + [l for l in group if l not in v6][: cap - len(v6)]
keep += by_type.get("stats", [])[-1:]
open(sys.argv[2], "w").writelines(keep)
print(f"suricata: kept {len(keep)} of {len(lines)} eve.json lines")
PY

# --- Squid ---------------------------------------------------------------------------------------------------------
mkdir -p "$WORK/squid"
chown proxy:proxy "$WORK/squid"
cat >"$WORK/squid.conf" <<CONF
http_port 127.0.0.1:$SQUID_PORT
pid_filename $WORK/squid/squid.pid
cache_log $WORK/squid/cache.log
access_log stdio:$WORK/squid/access.log squid
access_log stdio:$WORK/squid/access-combined.log combined
cache deny all
cache_mem 8 MB
coredump_dir $WORK/squid
acl denied_sites dstdomain .blocked.yagura.test
acl SSL_ports port $TLS_PORT
acl CONNECT method CONNECT
http_access deny denied_sites
http_access deny CONNECT !SSL_ports
http_access allow localhost
http_access deny all
shutdown_lifetime 1 seconds
CONF
squid -f "$WORK/squid.conf" -N >"$WORK/squid.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 30); do
  curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$SQUID_PORT/" && break
  sleep 0.5
done
: >"$WORK/squid/access.log"
: >"$WORK/squid/access-combined.log"

P="http://127.0.0.1:$SQUID_PORT"
# Refused and failed requests make curl exit non-zero: that is the point of them.
proxied() { curl -s -o /dev/null -x "$P" "$@" || true; }
proxied -A "$UA" "http://127.0.0.1:$HTTP_PORT/"
proxied -A "$UA" -e "http://127.0.0.1:$HTTP_PORT/" "http://127.0.0.1:$HTTP_PORT/files/report.bin"
proxied "http://127.0.0.1:$HTTP_PORT/missing.php?id=1"
proxied -I "http://127.0.0.1:$HTTP_PORT/index.html"
proxied -d 'user=alice' "http://127.0.0.1:$HTTP_PORT/login"
proxied -k "https://127.0.0.1:$TLS_PORT/"
proxied "http://www.blocked.yagura.test/malware.exe"
proxied -k "https://127.0.0.1:$DEAD_PORT/"
proxied "http://127.0.0.1:$DEAD_PORT/"
proxied "http://no-such-host.invalid/"
proxied "http://127.0.0.1:$HTTP_PORT/files/notes.txt"
sleep 1
squid -f "$WORK/squid.conf" -k shutdown 2>/dev/null || true
sleep 3

cp "$WORK/squid/access.log" "$SQUID_OUT"
cp "$WORK/squid/access-combined.log" "$SQUID_COMBINED_OUT"
echo "squid: $(wc -l <"$SQUID_OUT") native lines, $(wc -l <"$SQUID_COMBINED_OUT") combined lines"
