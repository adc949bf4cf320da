#!/usr/bin/env bash
# Builds what the server runs. Framework-dependent (default): small, needs the ASP.NET Core 10 runtime on the server
# (Debian/Ubuntu: the aspnetcore-runtime-10.0 package) and takes its security updates with the OS.
# Self-contained (--self-contained): brings its own runtime, for a server without one; rebuild it for runtime updates.
# ChatPay is never trimmed or AOT-compiled: LiteDB's mapper needs reflection.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-deploy/publish}
if [ "${1:-}" = "--self-contained" ]; then
  dotnet publish Bot -c Release -r linux-x64 --self-contained true -o "$out"
else
  dotnet publish Bot -c Release -o "$out"
fi
echo "Published to $out"
