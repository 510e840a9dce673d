#!/usr/bin/env bash
# The test command: installs what the tests need when it is missing, then runs every test.
#   redis-server  real Redis for the memory and Aspire tests
#   chromium      the browser Playwright drives (no browser download needed)
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${missing[*]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Please install ${missing[*]} with your package manager, then run this again." >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet test Chatbot.sln "$@"
