#!/usr/bin/env bash
# Large-tenant benchmark: generates (once) a seeded snapshot folder per scale, then for each one
# measures the parse floor and the full offline audit (plumbline audit --snapshot) in separate JVMs
# with the same heap limit, and checks the issue counts found against the injected ones.
#
# Usage: bench/run.sh [SHAPE] [FACTOR...]
#   SHAPE   large (250k accounts, 200k orgs, 2M users, 2.5M memberships, 10M tickets; the default)
#           or a number of accounts (the large tenant's proportions, scaled down)
#   FACTOR  scale multipliers to run (default: 1 2)
# Environment: BENCH_DATA (default ./bench-data, git-ignored), BENCH_HEAP (default 4g),
#   BENCH_JAVA_OPTS (more JVM options for both the floor and the audit, e.g. the large-tenant settings
#   README.md describes: "-Xms4g -XX:+AlwaysPreTouch -XX:-TieredCompilation").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shape="${1:-large}"
shift || true
factors=("$@")
[ ${#factors[@]} -eq 0 ] && factors=(1 2)
data="${BENCH_DATA:-$here/bench-data}"
heap="${BENCH_HEAP:-4g}"
read -r -a java_opts <<<"${BENCH_JAVA_OPTS:-}"
cd "$here"

echo "building (mvn test-compile)..." >&2
mvn -B -q -DskipTests -Dspotless.check.skip=true test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
jvm=(java "-Xmx$heap" "${java_opts[@]}" -cp "$cp")
echo "JVM: -Xmx$heap ${java_opts[*]}"

declare -A audit_s
for f in "${factors[@]}"; do
  dir="$data/$shape-x$f"
  if [ ! -f "$dir/expected_counts.json" ]; then
    echo "generating $dir ..." >&2
    rm -rf "$dir"
    java -Xmx2g -cp "$cp" io.plumbline.bench.Generate "$dir" "$shape" "$f"
  fi
  echo "== $shape x$f: $(du -sh "$dir" | cut -f1) in $dir"
  floor=$("${jvm[@]}" io.plumbline.bench.ParseFloor "$dir")
  echo "$floor"
  rm -rf "$data/out-$shape-x$f"
  audit=$("${jvm[@]}" io.plumbline.bench.AuditBench "$dir" "$data/out-$shape-x$f" bench) || { echo "$audit"; exit 1; }
  echo "$audit"
  a=$(sed -n 's/.*audit_s=\([0-9.]*\).*/\1/p' <<<"$audit")
  fp=$(sed -n 's/.*floor_parallel_s=\([0-9.]*\).*/\1/p' <<<"$floor")
  fs=$(sed -n 's/.*floor_sequential_s=\([0-9.]*\).*/\1/p' <<<"$floor")
  audit_s[$f]=$a
  awk -v a="$a" -v p="$fp" -v s="$fs" \
    'BEGIN { printf "ratio audit/floor_parallel=%.2f audit/floor_sequential=%.2f (goal <= 1.5)\n", a/p, a/s }'
done
if [ -n "${audit_s[1]:-}" ] && [ -n "${audit_s[2]:-}" ]; then
  awk -v a="${audit_s[1]}" -v b="${audit_s[2]}" 'BEGIN { printf "scaling x2: audit time grew %.2fx (goal <= 2.2)\n", b/a }'
fi
