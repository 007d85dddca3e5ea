#!/usr/bin/env bash
# Prints only the compiler's warnings and errors for our sources (a developer convenience).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/java-home.sh"
cd "$here" && ./mvnw -B test-compile "$@" 2>&1 | grep -E "^\[(WARNING|ERROR)\] /" | sort -u
