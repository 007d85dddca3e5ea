#!/usr/bin/env bash
# Runs the whole test suite the way CI does: compile with Error Prone/NullAway, every test,
# the format check, and the jar. Extra arguments go to Maven (e.g. -Dtest=ScanCommandTest).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/java-home.sh"
cd "$here"
exec ./mvnw -B verify "$@"
