# Sourced by ./mvnw and the project's scripts: make JAVA_HOME point at a JDK >= 21.
# Order: an existing JAVA_HOME that is new enough, the `java` on PATH, then the system's JVM folders
# (newest first). The machines we run on default to JDK 17, which cannot build release 21.
omotenashi_java_major() {
  # prints the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}
omotenashi_find_jdk() {
  local want=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(omotenashi_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$want" ] 2>/dev/null; then return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(omotenashi_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$want" ] 2>/dev/null; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(omotenashi_java_major "$candidate/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -ge "$want" ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
  done
  if [ -n "$best" ]; then export JAVA_HOME="$best"; return 0; fi
  echo "Omotenashi needs a JDK >= $want. Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
  return 1
}
case $- in *f*) set +f; omotenashi_find_jdk || exit 1; set -f ;; *) omotenashi_find_jdk || exit 1 ;; esac
