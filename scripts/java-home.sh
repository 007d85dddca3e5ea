# Sourced by ./ftscout and scripts/test.sh: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME, `java` on PATH, then JDKs under /usr/lib/jvm (newest first).

ftscout_java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

ftscout_pick_java() {
  local candidate major
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null || true)" \
    $(ls -d /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major="$(ftscout_java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      candidate="$(readlink -f "$candidate")"
      JAVA_HOME="$(dirname "$(dirname "$candidate")")"
      export JAVA_HOME
      return 0
    fi
  done
  echo "ftscout: needs a JDK 21 or newer; set JAVA_HOME to one (found none on PATH or under /usr/lib/jvm)" >&2
  return 1
}

ftscout_pick_java
