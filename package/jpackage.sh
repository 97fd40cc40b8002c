#!/usr/bin/env bash
# Build the Socket Monitor app image and installers with jlink + jpackage.
#
# Normally run by Maven:   ./mvnw -Pinstaller -DskipTests package
# or by hand, after `./mvnw -DskipTests package` built target/socket-monitor.jar:
#   package/jpackage.sh [--version 0.1.0] [--jar target/socket-monitor.jar]
#                       [--dest target/installer] [--types "deb rpm"]
#
# Steps:
#   1. jdeps finds the JDK modules the shaded jar needs; package/jlink-extra-modules.txt
#      adds any it cannot see.
#   2. jlink makes a trimmed runtime (no debug info, man pages, headers or JDK
#      commands) in <dest>/runtime, with a class-data sharing archive of the JDK
#      classes listed in src/main/cds/socket-monitor.classlist.
#   3. jpackage --type app-image: <dest>/socket-monitor (Linux),
#      <dest>/Socket Monitor.app (macOS), <dest>/Socket Monitor (Windows).
#   4. jpackage builds the installers for this system from that image:
#      Linux .deb (needs dpkg-deb and fakeroot) and .rpm (only if rpmbuild exists),
#      Windows .msi (needs WiX 3), macOS .dmg. --types overrides the list;
#      --types app-image (or SM_PACKAGE_TYPES=app-image) builds the image only.
#
# Options live in package/*.options (all systems) and package/<os>/*.options:
#   app image:  common.options app-image.options <os>/app-image.options
#   installer:  common.options <os>/package.options [<os>/<type>.options]
# Works with bash 3.2 (macOS) and Git Bash (Windows).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

version=""
jar="target/socket-monitor.jar"
dest="target/installer"
types="${SM_PACKAGE_TYPES:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --dest) dest="$2"; shift 2 ;;
    --types) types="$2"; shift 2 ;;
    --java-home) JAVA_HOME="$2"; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "jpackage.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

say() { echo "[jpackage.sh] $*"; }
die() { echo "[jpackage.sh] ERROR: $*" >&2; exit 1; }

# The project version: first <version> in pom.xml (the pom has no parent).
if [ -z "$version" ]; then
  version="$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' pom.xml | head -n 1)"
fi
[ -n "$version" ] || die "cannot read the version from pom.xml"

case "$(uname -s)" in
  Linux*) os=linux ;;
  Darwin*) os=macos ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) die "unsupported system $(uname -s)" ;;
esac

# The JDK: --java-home (Maven passes ${java.home}), $JAVA_HOME, or java on PATH.
if [ -z "${JAVA_HOME:-}" ]; then
  javabin="$(command -v java)" || die "no JDK: set JAVA_HOME"
  while [ -L "$javabin" ]; do
    link="$(readlink "$javabin")"
    case "$link" in /*) javabin="$link" ;; *) javabin="$(dirname "$javabin")/$link" ;; esac
  done
  JAVA_HOME="$(cd "$(dirname "$javabin")/.." && pwd)"
fi
# Git Bash: C:\... paths from Maven become /c/...; MSYS turns them back into
# Windows paths when it starts jpackage.exe.
if [ "$os" = windows ] && command -v cygpath >/dev/null 2>&1; then
  JAVA_HOME="$(cygpath -u "$JAVA_HOME")"
  jar="$(cygpath -u "$jar")"
  dest="$(cygpath -u "$dest")"
fi
for tool in jdeps jlink jpackage; do
  [ -x "$JAVA_HOME/bin/$tool" ] || [ -x "$JAVA_HOME/bin/$tool.exe" ] \
    || die "$JAVA_HOME/bin/$tool not found: jpackage needs a full JDK 17+ (not a JRE)"
done
[ -d "$JAVA_HOME/jmods" ] || die "$JAVA_HOME/jmods missing: jlink needs the JDK's jmods (Debian: openjdk-17-jmods)"
feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")"
[ -n "$feature" ] || feature=17

[ -f "$jar" ] || die "$jar not found: run ./mvnw -DskipTests package first"

# Installer types for this system.
if [ -z "$types" ]; then
  case "$os" in
    linux)
      if command -v dpkg-deb >/dev/null 2>&1; then
        command -v fakeroot >/dev/null 2>&1 || die "fakeroot is needed for .deb (apt-get install -y fakeroot binutils)"
        types="deb"
      fi
      if command -v rpmbuild >/dev/null 2>&1; then types="$types rpm"; else say "rpmbuild not found: no .rpm"; fi
      ;;
    windows) types="msi" ;;
    macos) types="dmg" ;;
  esac
fi

# macOS refuses a CFBundleVersion whose first number is 0 (jpackage:
# "The first number in an app-version cannot be zero or negative"), so a 0.x
# version is bundled as 1.x there (0.1.0 -> 1.1.0, or SM_MAC_APP_VERSION);
# the .dmg file keeps the real version in its name and `--version` reports it.
app_version="$version"
if [ "$os" = macos ]; then
  app_version="${SM_MAC_APP_VERSION:-$version}"
  case "$app_version" in 0.*) app_version="1.${app_version#0.}"; say "macOS bundle version $app_version for $version" ;; esac
fi

name="$(sed -n 's/^--name[ =]"\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$/\1/p' "package/$os/app-image.options" | head -n 1)"
[ -n "$name" ] || die "no --name in package/$os/app-image.options"
case "$os" in
  macos) image="$dest/$name.app" ;;
  *) image="$dest/$name" ;;
esac

# 1. Modules.
modules="$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps \
  --multi-release "$feature" "$jar" | tr -d '\r')"
[ -n "$modules" ] || die "jdeps found no modules in $jar"
extra="$(sed -e 's/#.*//' -e 's/[[:space:]]//g' package/jlink-extra-modules.txt | grep -v '^$' | paste -sd, - || true)"
[ -z "$extra" ] || modules="$modules,$extra"
say "version $version, $os, JDK $JAVA_HOME"
say "modules: $modules"

# 2. Runtime.
rm -rf "$dest"
mkdir -p "$dest/input"
cp "$jar" "$dest/input/socket-monitor.jar"
# Beside the jar in lib/app: the Linux packages' install scripts dump the app's classes too.
cp src/main/cds/socket-monitor.classlist "$dest/input/socket-monitor.classlist"
# No --compress: the installers compress better than jlink does (measured on
# Linux: .deb 18 MB uncompressed runtime vs 29 MB with --compress=2; the app
# image is 74 vs 50 MB) and classes load without unzipping.
# SM_JLINK_COMPRESS=2 trades download size for a smaller app image.
# The JDK's commands (bin/java) are kept until step 2b has used java, then removed: the
# launcher jpackage makes loads the JVM itself.
jlink_opts="--strip-debug --no-header-files --no-man-pages"
[ -z "${SM_JLINK_COMPRESS:-}" ] || jlink_opts="$jlink_opts --compress=$SM_JLINK_COMPRESS"
# Linux only: also drop native debug sections (uses objcopy from binutils).
if [ "$os" = linux ] && command -v objcopy >/dev/null 2>&1; then
  jlink_opts="$jlink_opts --strip-native-debug-symbols=exclude-debuginfo-files"
fi
# shellcheck disable=SC2086
"$JAVA_HOME/bin/jlink" --add-modules "$modules" $jlink_opts --output "$dest/runtime"

# 2b. Class-data sharing: the runtime's own java dumps the JDK classes the window loads
# (src/main/cds/socket-monitor.classlist, Swing and AWT most of them) into the runtime's default
# archive (lib/server/classes.jsa; bin/server/ on Windows), which every start then maps instead
# of loading and verifying those classes again. jlink's runtime has no archive at all otherwise.
# The application's own classes stay out: the JVM would refuse an archive naming the jar's
# path at build time once the app is installed anywhere else. The .deb and .rpm know that path:
# their install scripts (package/linux/postinst, socket-monitor.spec) dump again with the jar.
runtime_java="$dest/runtime/bin/java"
[ -x "$runtime_java" ] || runtime_java="$dest/runtime/bin/java.exe"
if "$runtime_java" -Xshare:dump -XX:+UseG1GC -XX:SharedClassListFile=src/main/cds/socket-monitor.classlist -Xlog:disable \
     > "$dest/cds-dump.log" 2>&1; then
  say "class-data sharing archive: $(find "$dest/runtime" -name classes.jsa | head -n 1)"
else
  say "no class-data sharing archive (this JDK cannot dump one; the app starts slower): $(head -c 300 "$dest/cds-dump.log")"
fi
rm -f "$dest/cds-dump.log"
# What --strip-native-commands would have left out: every command (on Windows bin/ also holds
# the runtime's DLLs, which stay), except java on Linux, which the install scripts run.
case "$os" in
  windows) rm -f "$dest/runtime/bin/"*.exe ;;
  linux) find "$dest/runtime/bin" -type f ! -name java -exec rm -f {} + ;;
  *) rm -rf "$dest/runtime/bin" ;;
esac

# 3. App image.
"$JAVA_HOME/bin/jpackage" \
  @package/common.options @package/app-image.options @"package/$os/app-image.options" \
  --type app-image \
  --app-version "$app_version" \
  --input "$dest/input" \
  --runtime-image "$dest/runtime" \
  --dest "$dest"
[ -d "$image" ] || die "jpackage made no $image"
say "app image: $image"

# 4. Installers.
for type in $types; do
  [ "$type" = app-image ] && continue
  type_options=""
  [ ! -f "package/$os/$type.options" ] || type_options="@package/$os/$type.options"
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/jpackage" \
    @package/common.options @"package/$os/package.options" $type_options \
    --type "$type" \
    --app-version "$app_version" \
    --app-image "$image" \
    --dest "$dest"
done
rm -rf "$dest/input" "$dest/runtime"
# Give a macOS .dmg built with a mapped bundle version the real version's name.
if [ "$app_version" != "$version" ] && [ -f "$dest/$name-$app_version.dmg" ]; then
  mv "$dest/$name-$app_version.dmg" "$dest/$name-$version.dmg"
fi

say "built in $dest:"
ls -1 "$dest" | sed 's/^/[jpackage.sh]   /'
