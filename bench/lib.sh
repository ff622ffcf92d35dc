# shellcheck shell=bash
# Helpers shared by bench/sqlite.sh and bench/pg.sh (sourced, never run). They expect the
# caller to have set: work (the work directory), TIMEOUT (seconds per single run) and, while
# commands are timed, round (the current round number).

# Progress goes to stderr with a time stamp; the report goes to stdout.
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

median() { # numbers on stdin -> median
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f\n", m }'
}

# Seconds between two EPOCHREALTIME readings, with $3 decimals (default 1).
elapsed() { awk -v a="$1" -v b="$2" -v p="${3:-1}" 'BEGIN { printf "%.*f", p, b - a }'; }

# Commands are timed in rounds: each round runs every command once, so load from other work on
# the machine spreads over all commands alike instead of landing on one of them.
# reset_keys KEY... : forget the samples of these keys (a new size).
# run_once KEY EXPECTED_RC STDOUT_FILE CMD... : one run under GNU time, appended to the key's
# samples; after a timeout the key is not run again. EXPECTED_RC may list several codes
# ("0,1"). finish KEY : sets R_WALL[KEY], R_CPU[KEY] (user + system seconds), R_MB[KEY]
# (medians; "nan" without a sample) and R_STATUS[KEY] ("ok", "timeout after Ns (run N)",
# "exit N (expected M): message").
declare -A R_WALL R_MB R_CPU R_STATUS S_WALL S_CPU S_MEM
reset_keys() {
  local k
  for k in "$@"; do R_STATUS[$k]=ok; S_WALL[$k]=""; S_CPU[$k]=""; S_MEM[$k]=""; done
}
run_once() {
  local key=$1 want=$2 outf=$3; shift 3
  local rc t0 t1 w m u sy tf="$work/time.$key" ef="$work/err.$key"
  case "${R_STATUS[$key]}" in timeout*) return 0 ;; esac
  rm -f "$tf"
  set +e
  t0=$EPOCHREALTIME
  timeout "$TIMEOUT" /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" > "$outf" 2> "$ef"
  rc=$?
  t1=$EPOCHREALTIME
  set -e
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    R_STATUS[$key]="timeout after ${TIMEOUT}s (run $round)"
    log "  $key: TIMEOUT after ${TIMEOUT}s"
    return 0
  fi
  case ",$want," in
    *",$rc,"*) ;;
    *)
      R_STATUS[$key]="exit $rc (expected $want): $(head -c 300 "$ef" | tr '\n|' ' /')"
      log "  $key: unexpected exit $rc: $(head -c 300 "$ef")" ;;
  esac
  # GNU time writes "Command exited with non-zero status N" first when rc != 0. Its %e has
  # 10 ms resolution; the wall time kept is bash's EPOCHREALTIME around the run
  # (microseconds; includes the ~1 ms of starting timeout and time).
  read -r w m u sy < <(tail -n 1 "$tf")
  S_WALL[$key]+="$(elapsed "$t0" "$t1" 3)"$'\n'
  S_CPU[$key]+="$(awk -v u="$u" -v s="$sy" 'BEGIN { printf "%.2f", u + s }')"$'\n'
  S_MEM[$key]+="$m"$'\n'
}
finish() {
  local key=$1
  if [ -n "${S_WALL[$key]}" ]; then
    R_WALL[$key]=$(printf '%s' "${S_WALL[$key]}" | median)
    R_CPU[$key]=$(printf '%s' "${S_CPU[$key]}" | median | awk '{ printf "%.2f", $1 }')
    R_MB[$key]=$(printf '%s' "${S_MEM[$key]}" | median | awk '{ printf "%.1f", $1 / 1024 }')
  else
    R_WALL[$key]=nan; R_MB[$key]=nan; R_CPU[$key]=nan
  fi
  log "  $key: ${R_WALL[$key]} s wall, ${R_CPU[$key]} s cpu, ${R_MB[$key]} MB (medians; ${R_STATUS[$key]})"
}

# The timeout of KEY in seconds when it timed out, else nothing.
timed_out_after() {
  local t=${R_STATUS[$1]}
  case "$t" in "timeout after "*) t=${t#timeout after }; echo "${t%%s*}" ;; esac
}

# A table cell for KEY: "W s (C), M MB", then the failure in bold, if any. A command that
# timed out on its first run has no sample: "> TIMEOUT s".
cell() {
  if [ "${R_WALL[$1]}" = nan ] && [ -n "$(timed_out_after "$1")" ]; then
    printf '> %s s' "$(timed_out_after "$1")"
  else
    printf '%s s (%s), %s MB' "${R_WALL[$1]}" "${R_CPU[$1]}" "${R_MB[$1]}"
  fi
  [ "${R_STATUS[$1]}" = ok ] || printf ' **%s**' "${R_STATUS[$1]%%:*}"
}

# One line describing the machine: CPUs, RAM, OS.
machine_line() {
  local mem_gib cpu
  mem_gib=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  printf '%s CPUs (%s), %s GiB RAM,\n%s' "$(nproc)" "${cpu:-unknown CPU}" "$mem_gib" \
    "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr)"
}

# Make a private copy of the schemadrift binary in $work and set SD (the copy), SD_SRC,
# sd_version, sd_built and sd_commit. A rebuild of build/ during a long run must not change
# what is being measured halfway through. $1: the repository; $2: the script's name.
setup_schemadrift() {
  local repo=$1 me=$2
  SD=${SCHEMADRIFT:-$repo/build/schemadrift}
  if [ ! -x "$SD" ]; then
    echo "$me: $SD not found, running make build" >&2
    make -C "$repo" build >&2 || true
    [ -x "$SD" ] || { echo "$me: build did not produce $SD" >&2; exit 2; }
  fi
  cp "$SD" "$work/schemadrift"
  SD_SRC=$SD
  SD="$work/schemadrift"
  sd_version=$("$SD" --version 2>&1 | head -n 1)
  sd_built=$(date -u -r "$SD_SRC" '+%Y-%m-%d %H:%M UTC')
  sd_commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
  [ -z "$(git -C "$repo" status --porcelain 2>/dev/null)" ] || sd_commit="$sd_commit (work tree modified)"
}

# write_section README BEGIN_MARKER END_MARKER REPORT_FILE: replace the lines between the two
# marker lines of README with the report. Exit 2 when a marker is missing.
write_section() {
  local readme=$1 begin=$2 end=$3 rep=$4
  if ! grep -qF "$begin" "$readme" || ! grep -qF "$end" "$readme"; then
    echo "$readme has no '$begin' / '$end' marker lines; not written" >&2
    exit 2
  fi
  awk -v b="$begin" -v e="$end" -v rep="$rep" '
    $0 == b { print; while ((getline line < rep) > 0) print line; skip = 1; next }
    $0 == e { skip = 0 }
    !skip { print }' "$readme" > "$work/README.new"
  cat "$work/README.new" > "$readme"
  log "results written to $readme"
}
