#!/usr/bin/env bash
# The test command: installs what the tests need when it is missing, then runs every test of the solution.
#   - Chromium (Debian package) for the browser tests, when running as root and /usr/bin/chromium is missing;
#   - the Nu Html Checker (npm package vnu-jar) into .tools/, which git ignores.
# Safe to run again: it installs nothing that is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing chromium"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test.sh: /usr/bin/chromium is missing; install it (apt-get install chromium) for the browser tests" >&2
  fi
fi

if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing a Java runtime for the Nu Html Checker"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  else
    echo "test.sh: java is missing; the HTML validity test needs it" >&2
  fi
fi

if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  echo "test.sh: installing npm for the Nu Html Checker"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
fi

vnu=.tools/node_modules/vnu-jar/build/dist/vnu.jar
if [ ! -f "$vnu" ]; then
  echo "test.sh: installing the Nu Html Checker (vnu-jar) into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-save --no-audit --no-fund --silent --loglevel=error vnu-jar >/dev/null
fi
export VNU_JAR="$PWD/$vnu"

dotnet test InternalSite.sln "$@"
