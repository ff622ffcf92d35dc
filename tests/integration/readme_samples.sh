#!/usr/bin/env bash
# The README's sample sessions are what the tool prints. A ```console block right after a
# line "<!-- sample: run -->" is replayed: its "$ " lines run in order (schemadrift as the
# binary under test, sqlite3 as installed) in a scratch directory that holds build/demo/
# expected.db and actual.db built from examples/ (as `make demo` builds them), and the lines
# after each command, up to the next "$ " line, must be exactly what it prints (stdout and
# stderr; a command that prints nothing is followed directly by the next one). Any other
# sample is left alone. Fails when no block is marked, so it cannot pass by finding nothing.
# Usage: readme_samples.sh SCHEMADRIFT SOURCE_DIR
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=${2:?usage: readme_samples.sh SCHEMADRIFT SOURCE_DIR}
readme=$root/README.md
work=$(mktemp -d "${TMPDIR:-/tmp}/sd-readme.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
blocks=0
commands=0

fresh_demo() { # the scratch directory, as `make demo` leaves build/demo
  rm -rf "$work/run"
  mkdir -p "$work/run/build/demo"
  sqlite3 -bail "$work/run/build/demo/expected.db" < "$root/examples/expected.sql" || return 1
  sqlite3 -bail "$work/run/build/demo/actual.db" < "$root/examples/actual.sql" || return 1
}

# run_block FILE: FILE holds one block's lines; replay them.
run_block() {
  local line cmd="" lineno=0 start=0
  : > "$work/want"
  fresh_demo || { echo "FAIL: cannot build the demo databases from examples/"; failures=$((failures + 1)); return; }
  while IFS= read -r line || [ -n "$line" ]; do
    lineno=$((lineno + 1))
    if [[ $line == '$ '* ]]; then
      [ -n "$cmd" ] && compare "$cmd" "$start"
      cmd=${line#'$ '}
      start=$lineno
      : > "$work/want"
    else
      printf '%s\n' "$line" >> "$work/want"
    fi
  done < "$1"
  [ -n "$cmd" ] && compare "$cmd" "$start"
}

# compare CMD: run it in the scratch directory; its output must be $work/want.
compare() {
  commands=$((commands + 1))
  (
    cd "$work/run" || exit 2
    schemadrift() { "$bin" "$@"; }
    eval "$1"
  ) > "$work/got" 2>&1
  if ! cmp -s "$work/want" "$work/got"; then
    echo "FAIL: README block at line $block_line, \$ $1: the output differs (- README, + tool):"
    diff -u "$work/want" "$work/got" | tail -n +3
    failures=$((failures + 1))
  fi
}

mark=0
in_block=0
lineno=0
while IFS= read -r line || [ -n "$line" ]; do
  lineno=$((lineno + 1))
  if [ $in_block -eq 1 ]; then
    if [ "$line" = '```' ]; then
      in_block=0
      run_block "$work/block"
    else
      printf '%s\n' "$line" >> "$work/block"
    fi
  elif [ "$line" = '<!-- sample: run -->' ]; then
    mark=1
  elif [ $mark -eq 1 ] && [ "$line" = '```console' ]; then
    in_block=1
    mark=0
    blocks=$((blocks + 1))
    block_line=$lineno
    : > "$work/block"
  elif [ -n "$line" ]; then
    mark=0
  fi
done < "$readme"

# The JSON report's `kind` bullet names every kind of the registry (model/kinds.c), in its order.
registry=$(grep -oE '^ *\[SD_KIND_[A-Z_]+\] = \{ \.name = "[a-z_]+"' "$root/model/kinds.c" |
  sed -E 's/.*"([a-z_]+)"/\1/' | paste -sd' ')
documented=$(awk '/^- `kind`, one of/ { on = 1 } on { print } on && /\. `table` is/ { exit }' "$readme" |
  sed 's/(PostgreSQL[^)]*)//' | grep -oE '`[a-z_]+`' | tr -d '`' | grep -vx kind | paste -sd' ')
documented=${documented% table}
if [ -z "$registry" ] || [ "$registry" != "$documented" ]; then
  echo "FAIL: README's JSON \`kind\` list is not the registry's kinds"
  echo "  registry:   $registry"
  echo "  README.md:  $documented"
  failures=$((failures + 1))
fi

if [ $blocks -eq 0 ] || [ $commands -eq 0 ]; then
  echo "FAIL: no '<!-- sample: run -->' console block with commands in $readme"
  failures=$((failures + 1))
fi
echo "readme samples: $blocks blocks, $commands commands, $failures failed"
[ $failures -eq 0 ]
