#!/usr/bin/env bash
# Brings runtime/PublicAPI.Unshipped.txt in line with the library's public surface after a deliberate
# change: the lines the build's RS0016 errors name are added, those RS0017 names are removed.
# Review the diff before committing: it is the API change (docs/public-api.md).
set -euo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build -nologo -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= >"$log" 2>&1 || true
added=$(sed -n "s/.*warning RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" "$log" | sort -u)
removed=$(sed -n "s/.*warning RS0017: Symbol '\(.*\)' is part of the declared API, but is either not public or could not be found.*/\1/p" "$log" | sort -u)
python3 - "$added" "$removed" <<'PY'
import sys
added = [l for l in sys.argv[1].splitlines() if l]
removed = set(l for l in sys.argv[2].splitlines() if l)
path = "PublicAPI.Unshipped.txt"
lines = open(path, encoding="utf-8").read().splitlines()
header, body = lines[:1], [l for l in lines[1:] if l and l not in removed]
body = sorted(set(body) | set(added), key=lambda l: l.lstrip("*").removeprefix("static ").removeprefix("override ").removeprefix("abstract ").removeprefix("virtual ").removeprefix("const "))
open(path, "w", encoding="utf-8").write("\n".join(header + body) + "\n")
print(f"{len(added)} added, {len(removed)} removed")
PY
