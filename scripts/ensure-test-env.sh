#!/usr/bin/env bash
# Makes this machine able to run the real-VS-Code tests and the demo, offline except for Debian and npm:
#   1. Debian packages VS Code's native modules need, ripgrep, Chromium and LibreOffice Calc (headless);
#   2. the ripgrep cache archive that lets @vscode/ripgrep's postinstall succeed without GitHub;
#   3. code-server@4.100.3 (a real VS Code 1.100.3 server + web workbench, Node 20) in .vscode-test/code-server
#      (a link to the copy cached in ~/.cache/cbcm-explorer once one is there).
# Idempotent and fast (well under a second) when everything is already there.
# See /work/shared/notes/real-vscode-offline.md and test/vscode/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION="4.100.3"
# The tests look for it in .vscode-test/code-server (or CBCM_CODE_SERVER_DIR). Unless CBCM_CODE_SERVER_DIR says
# otherwise, it is installed once per machine in the user's cache and linked from there: a fresh clone (CI clones
# main for each run) then costs a link, not a minute of npm install. A fresh machine installs it as before.
LOCAL_CODE_SERVER_DIR="$PWD/.vscode-test/code-server"
CACHED_CODE_SERVER_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/cbcm-explorer/code-server-$CODE_SERVER_VERSION"
CODE_SERVER_DIR="${CBCM_CODE_SERVER_DIR:-$LOCAL_CODE_SERVER_DIR}"
# build-essential + python3: node-gyp compiles some of VS Code's native modules (usually already there).
# libreoffice-calc-nogui: the spreadsheet the CSV formula-injection test opens exports in (~15 s to install).
APT_PACKAGES=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium build-essential python3 libreoffice-calc-nogui)

log() { echo "[ensure-test-env] $*"; }

# --- 1. Debian packages -----------------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]} > 0)); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- 2. ripgrep cache for @vscode/ripgrep's offline postinstall --------------------------------------
# It looks for <os.tmpdir()>/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-<target>.tar.gz holding `rg` at its root.
case "$(uname -m)" in
  x86_64) RG_TARGET="x86_64-unknown-linux-musl" ;;
  aarch64 | arm64) RG_TARGET="aarch64-unknown-linux-musl" ;;
  *) RG_TARGET="$(uname -m)-unknown-linux-gnu" ;;
esac
NODE_TMPDIR="$(node -p "require('os').tmpdir()")"
RG_CACHE_DIR="$NODE_TMPDIR/vscode-ripgrep-cache-1.15.11"
RG_ARCHIVE="$RG_CACHE_DIR/ripgrep-v13.0.0-10-$RG_TARGET.tar.gz"
if [[ ! -s "$RG_ARCHIVE" ]]; then
  log "packing /usr/bin/rg into $RG_ARCHIVE"
  mkdir -p "$RG_CACHE_DIR"
  staging="$(mktemp -d)"
  cp /usr/bin/rg "$staging/rg"
  tar -czf "$RG_ARCHIVE.tmp" -C "$staging" rg
  mv "$RG_ARCHIVE.tmp" "$RG_ARCHIVE"
  rm -rf "$staging"
fi

# --- 3. code-server (VS Code server + web workbench) ---------------------------------------------------
# Installed completely: the version asked for, its server, and the mark of code-server's postinstall (which installs
# VS Code's own dependencies).
complete_install() {
  local dir="$1"
  [[ -f "$dir/node_modules/code-server/lib/vscode/out/server-main.js" ]] &&
    [[ -f "$dir/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]] &&
    [[ "$(node -p "try { require('$dir/node_modules/code-server/package.json').version } catch { '' }" 2>/dev/null)" == "$CODE_SERVER_VERSION" ]]
}
# The tests look for it in .vscode-test/code-server (or CBCM_CODE_SERVER_DIR). Unless that already holds it, it is
# installed once per machine in the user's cache and linked from there: a fresh clone (CI clones main for each run)
# then costs a link instead of a minute of npm install. A fresh machine installs it, as before.
LOCAL_CODE_SERVER_DIR="$PWD/.vscode-test/code-server"
CACHED_CODE_SERVER_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/cbcm-explorer/code-server-$CODE_SERVER_VERSION"
LINK=""
if [[ -n "${CBCM_CODE_SERVER_DIR:-}" ]]; then
  CODE_SERVER_DIR="$CBCM_CODE_SERVER_DIR"
elif complete_install "$LOCAL_CODE_SERVER_DIR"; then
  CODE_SERVER_DIR="$LOCAL_CODE_SERVER_DIR"
else
  CODE_SERVER_DIR="$CACHED_CODE_SERVER_DIR"
  LINK="$LOCAL_CODE_SERVER_DIR"
fi
if ! complete_install "$CODE_SERVER_DIR"; then
  log "installing code-server@$CODE_SERVER_VERSION into $CODE_SERVER_DIR (a few minutes, ~270 MB)"
  mkdir -p "$CODE_SERVER_DIR"
  # Its own package.json keeps npm from walking up into the extension's package.json.
  [[ -f "$CODE_SERVER_DIR/package.json" ]] || echo '{ "name": "cbcm-vscode-test-server", "private": true }' > "$CODE_SERVER_DIR/package.json"
  # unsafe_perm: its postinstall refuses to run as root otherwise; yes: node-pty runs `npx node-gyp`.
  npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false \
    npm install --prefix "$CODE_SERVER_DIR" --no-save "code-server@$CODE_SERVER_VERSION"
  if ! complete_install "$CODE_SERVER_DIR"; then
    log "code-server@$CODE_SERVER_VERSION did not install correctly in $CODE_SERVER_DIR (no server-main.js, or its postinstall did not run)" >&2
    exit 1
  fi
fi
if [[ -n "$LINK" ]]; then
  log "linking $LINK to $CODE_SERVER_DIR"
  rm -rf "$LINK"
  mkdir -p "$(dirname "$LINK")"
  ln -s "$CODE_SERVER_DIR" "$LINK"
fi
log "ok: code-server $CODE_SERVER_VERSION, chromium $(command -v chromium), rg cache $RG_ARCHIVE"
