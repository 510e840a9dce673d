#!/usr/bin/env bash
# Regenerates aspire-manifest.json (what azd deploys) from the AppHost. A test fails when the
# committed file differs from what this produces.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project Chatbot.AppHost -- --publisher manifest --output-path ../aspire-manifest.json
