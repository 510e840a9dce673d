#!/usr/bin/env bash
# Rebuilds eng/packages/Hex1b.0.168.0.1.nupkg from Hex1b.nuspec (see README.md beside it).
set -euo pipefail
cd "$(dirname "$0")"
dotnet pack Hex1bPlaceholder.csproj -nologo -v q
rm -rf bin obj
ls -l ../packages/Hex1b.*.nupkg
