#!/usr/bin/env bash
# CI check of the native packaging on Linux (Debian/Ubuntu), run as root:
#
#   bash package/ci-installer.sh
#
#  1. installs missing build tools (fakeroot, binutils; rpmbuild is optional)
#  2. ./mvnw -B -Pinstaller -DskipTests package   (SM_SKIP_BUILD=1 reuses target/installer)
#  3. app image launcher: --version prints "Socket Monitor <pom version>"; its runtime's
#     class-data sharing archive is valid and holds the window's JDK classes
#  4. app image launcher: --headless --port 0 prints "Listening on 127.0.0.1:PORT",
#     a client on 127.0.0.1:PORT receives "Hello from server"
#  5. installs the .deb, checks launcher, /usr/bin link and menu entry,
#     runs the installed launcher with --version, checks the archive again where installed,
#     now with the app's own classes
#  6. removes the package again (apt-get purge, i.e. dpkg -P; also on failure) and checks /opt/socket-monitor is gone
#
# Loopback only; every wait is bounded. Prints PASS/FAIL per check and a closing
# "installer: N passed, N failed" line; exits non-zero if anything failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

pkg=socket-monitor
dest="$root/target/installer"
image_launcher="$dest/socket-monitor/bin/socket-monitor"
installed_launcher="/opt/socket-monitor/bin/socket-monitor"
menu_entry="/usr/share/applications/socket-monitor-socket-monitor.desktop"
version="$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' pom.xml | head -n 1)"
work="$(mktemp -d)"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS: $*"; }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
note() { echo "[ci-installer] $*"; }
# check "description" command... : PASS if the command succeeds.
check() { local what="$1"; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

server_pid=""
installed_by_us=0
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$installed_by_us" -eq 1 ] && dpkg -s "$pkg" >/dev/null 2>&1; then
    apt_get purge -y -qq "$pkg" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

finish() {
  echo "installer: $passed passed, $failed failed"
  if [ "$failed" -eq 0 ]; then exit 0; else exit 1; fi
}

# --- 1. tools --------------------------------------------------------------
# Wait for the dpkg lock (another apt-get may be running) instead of failing.
apt_get() { DEBIAN_FRONTEND=noninteractive timeout 900 $sudo apt-get -o DPkg::Lock::Timeout=600 "$@"; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    apt_get update -qq || true
    apt_updated=1
  fi
  apt_get install -y -qq "$@"
}
need=()
command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot)
command -v objcopy >/dev/null 2>&1 || need+=(binutils)
command -v dpkg-deb >/dev/null 2>&1 || need+=(dpkg)
if [ "${#need[@]}" -gt 0 ]; then
  note "installing ${need[*]}"
  apt_install "${need[@]}" >/dev/null
fi
command -v rpmbuild >/dev/null 2>&1 || note "rpmbuild not found: no .rpm is built (not an error)"
if command -v fakeroot >/dev/null 2>&1 && command -v objcopy >/dev/null 2>&1; then
  pass "build tools present (fakeroot, binutils)"
else
  fail "build tools present (fakeroot, binutils)"
  finish
fi

# --- 2. build ----------------------------------------------------------------
if [ "${SM_SKIP_BUILD:-0}" = 1 ] && [ -x "$image_launcher" ]; then
  note "SM_SKIP_BUILD=1: using the existing $dest"
else
  if timeout 1800 ./mvnw -B -Pinstaller -DskipTests package > "$work/build.log" 2>&1; then
    pass "./mvnw -B -Pinstaller -DskipTests package"
  else
    tail -n 60 "$work/build.log"
    fail "./mvnw -B -Pinstaller -DskipTests package"
    finish
  fi
  grep '^\[jpackage.sh\]' "$work/build.log" || true
fi

check "app image launcher $image_launcher" test -x "$image_launcher"
deb="$(ls "$dest"/${pkg}_"${version}"-*_*.deb 2>/dev/null | head -n 1 || true)"
check ".deb built (${deb:-none})" test -n "$deb"
if [ -x "$image_launcher" ]; then
  note "app image size: $(du -sh "$dest/socket-monitor" | cut -f1)"
fi
[ -z "$deb" ] || note ".deb size: $(du -h "$deb" | cut -f1)"

# Runs a launcher with --version; PASS if the output names the pom version.
check_version() {
  local what="$1" launcher="$2" out
  if out="$(timeout 60 "$launcher" --version 2>&1)" && [[ "$out" == *"Socket Monitor $version"* ]]; then
    pass "$what --version: $out"
  else
    fail "$what --version (expected \"Socket Monitor $version\", got: ${out:-nothing})"
  fi
}

# Starts a launcher with --headless --port 0, learns the port from its
# "Listening on 127.0.0.1:PORT" line, and checks a client gets the greeting.
check_headless() {
  local what="$1" launcher="$2" log="$work/headless.log" port="" reply=""
  : > "$log"
  timeout 120 "$launcher" --headless --port 0 > "$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do   # up to 30 s
    port="$(sed -n 's/.*Listening on 127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)"
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
  done
  if [ -z "$port" ]; then
    fail "$what --headless --port 0 prints \"Listening on 127.0.0.1:PORT\" (output: $(head -c 500 "$log"))"
  else
    pass "$what --headless --port 0 listens on 127.0.0.1:$port"
    reply="$(timeout 10 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && cat <&3' _ "$port" 2>&1 || true)"
    if [[ "$reply" == *"Hello from server"* ]]; then
      pass "$what client on 127.0.0.1:$port received \"Hello from server\""
    else
      fail "$what client on 127.0.0.1:$port received \"Hello from server\" (got: ${reply:-nothing})"
    fi
  fi
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# The runtime's class-data sharing archive (package/jpackage.sh, step 2b) is valid for this
# launcher wherever it is installed, and holds the window's JDK classes: a start maps them
# instead of loading each one (docs/performance.md, section 4).
# With a class name as $3, the archive must hold that class of the app's jar too (the .deb's
# postinst dumps them once the jar's path is known).
check_shared_archive() {
  local what="$1" launcher="$2" app_class="${3:-}" out
  out="$(JAVA_TOOL_OPTIONS=-XX:+PrintSharedArchiveAndExit timeout 60 "$launcher" --version 2>&1 || true)"
  if [[ "$out" == *"archive is valid"* && "$out" == *": javax.swing.JFrame boot_loader"* ]] \
     && { [ -z "$app_class" ] || [[ "$out" == *": $app_class app_loader"* ]]; }; then
    pass "$what class-data sharing archive is valid and holds javax.swing.JFrame${app_class:+ and $app_class}"
  else
    fail "$what class-data sharing archive (got: $(printf '%s' "$out" | grep -v '^ *[0-9]*: ' | head -c 500))"
  fi
}

# --- 3./4. app image ---------------------------------------------------------
if [ -x "$image_launcher" ]; then
  check_version "app image" "$image_launcher"
  check_shared_archive "app image" "$image_launcher"
  check_headless "app image" "$image_launcher"
fi

# --- 5./6. .deb ---------------------------------------------------------------
if [ -n "$deb" ]; then
  if dpkg -s "$pkg" >/dev/null 2>&1; then
    note "removing a $pkg left installed by an earlier run"
    apt_get purge -y -qq "$pkg" >/dev/null || note "could not remove the old $pkg"
  fi
  installed_by_us=1
  # apt-get resolves the .deb's dependencies (xdg-utils, X11 libraries).
  if apt_get install -y -qq "$deb" > "$work/install.log" 2>&1 \
     || apt_install "$deb" > "$work/install.log" 2>&1; then
    pass "apt-get install $(basename "$deb")"
    check "installed launcher $installed_launcher" test -x "$installed_launcher"
    check "command /usr/bin/socket-monitor -> $installed_launcher" \
      test "$(readlink /usr/bin/socket-monitor 2>/dev/null)" = "$installed_launcher"
    check "menu entry $menu_entry" grep -q '^Name=Socket Monitor$' "$menu_entry"
    check_version "installed" "$installed_launcher"
    check_shared_archive "installed" "$installed_launcher" io.socketmonitor.ui.MainWindow
    check_version "/usr/bin/socket-monitor" /usr/bin/socket-monitor
  else
    tail -n 30 "$work/install.log"
    fail "apt-get install $(basename "$deb")"
  fi
  # apt-get purge = dpkg -P (dpkg -r plus its bookkeeping) that waits for the dpkg lock.
  if apt_get purge -y -qq "$pkg" > "$work/remove.log" 2>&1 && [ ! -e /opt/socket-monitor ] \
     && [ ! -e "$menu_entry" ] && [ ! -L /usr/bin/socket-monitor ]; then
    pass "apt-get purge $pkg removed /opt/socket-monitor, the menu entry and /usr/bin/socket-monitor"
  else
    cat "$work/remove.log"
    fail "apt-get purge $pkg left files behind"
  fi
  installed_by_us=0
fi

finish
