#!/usr/bin/env bash
# Before `npm start`: the system packages PDF incident reports need (Debian's Chromium prints them, a Japanese
# font renders the Japanese ones). Installed with apt-get when missing and possible; never stops the start:
# without them Yagura runs and answers PDF requests with REPORT_PDF_UNAVAILABLE, naming what to install.
# YAGURA_SKIP_SYSTEM_PACKAGES=1 skips this step.
set -uo pipefail

[ "${YAGURA_SKIP_SYSTEM_PACKAGES:-}" = "1" ] && exit 0

need=()
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || need+=(chromium)
if ! fc-list :lang=ja 2>/dev/null | grep -q .; then need+=(fonts-ipafont-gothic); fi
[ ${#need[@]} -eq 0 ] && exit 0

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(); fi
fi
if ! command -v apt-get >/dev/null || { [ "$(id -u)" -ne 0 ] && [ ${#as_root[@]} -eq 0 ]; }; then
  echo "yagura: PDF reports need ${need[*]} (not installed; install them to print reports as PDF)." >&2
  exit 0
fi
echo "yagura: installing ${need[*]} for PDF incident reports (once) ..." >&2
if ! { "${as_root[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${need[@]}"; } >/dev/null 2>&1; then
  echo "yagura: could not install ${need[*]}; PDF reports stay unavailable until they are installed." >&2
fi
exit 0
