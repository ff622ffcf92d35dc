# shellcheck shell=bash
# Sourced by the PostgreSQL test scripts: read the fixture's STATEFILE (written by
# pg_tmp.sh start) and export PGHOST, PGPORT, PGUSER, PGDATABASE and PGBIN.
# Usage: . pg_env.sh; sd_pg_env STATEFILE
# The file is parsed as KEY=VALUE lines, never sourced. A missing file or a server that does
# not answer is a failure that says how to get the fixture started.

sd_pg_env() {
  local state=$1 k v
  PGHOST="" PGPORT="" PGBIN=""
  if [ ! -f "$state" ]; then
    echo "FAIL: no PostgreSQL fixture state in $state: run the test through ctest, which starts" \
         "the fixture (pg.start), or run tests/scripts/pg_tmp.sh start $state first" >&2
    return 1
  fi
  while IFS='=' read -r k v; do
    case $k in
      PGHOST) PGHOST=$v ;;
      PGPORT) PGPORT=$v ;;
      PGBIN) PGBIN=$v ;;
    esac
  done < "$state"
  PGUSER=postgres
  PGDATABASE=postgres
  export PGHOST PGPORT PGUSER PGDATABASE PGBIN
  # Nothing from the caller's environment may redirect the tests elsewhere.
  unset PGHOSTADDR PGSERVICE PGSERVICEFILE PGPASSWORD PGPASSFILE PGOPTIONS PGSSLMODE PGTARGETSESSIONATTRS
  if ! "$PGBIN/pg_isready" -q -t 10; then
    echo "FAIL: the PostgreSQL fixture server ($PGHOST, port $PGPORT) does not answer" >&2
    return 1
  fi
}

# A conninfo string for database $1 on the fixture server, as a user would pass it to
# schemadrift.
sd_pg_conninfo() {
  printf 'host=%s port=%s dbname=%s user=postgres' "$PGHOST" "$PGPORT" "$1"
}

# A database name for test $1 and suffix $2: readable, unique per test (hash of the full
# name), within PostgreSQL's 63-byte limit, and needing no quoting.
sd_pg_dbname() {
  local tag hash
  tag=$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9' '_' | cut -c1-40)
  hash=$(printf '%s' "$1" | md5sum | cut -c1-8)
  printf 'sd_%s_%s_%s' "$tag" "$hash" "$2"
}

# psql for scripts: no psqlrc, stop at the first error, quiet, no NOTICEs.
sd_psql() {
  PGOPTIONS='-c client_min_messages=warning' "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"
}

# Create the roles named in the "-- roles: a, b" first line of each given SQL file. Roles
# belong to the whole cluster and other tests may be using them at this moment, so each is
# created only if missing (a concurrent creation of the same name is fine too) and never
# dropped: the cluster is thrown away at the end of the run.
sd_pg_create_roles() {
  local f line r
  for f in "$@"; do
    line=$(head -1 "$f" 2> /dev/null || true)
    case $line in
      "-- roles: "*) ;;
      *) continue ;;
    esac
    line=${line#-- roles: }
    line=${line%$'\r'}
    while IFS= read -r r; do
      [ -n "$r" ] || continue
      sd_psql -d postgres -v rolename="$r" <<'SQL' || return 1
SET sd.rolename = :'rolename';
DO $$
BEGIN
  EXECUTE format('CREATE ROLE %I', current_setting('sd.rolename'));
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
SQL
    done <<< "${line//, /$'\n'}"
  done
}

# Create database $1 (dropping a leftover of the same name first).
sd_pg_createdb() {
  sd_pg_dropdbs "$1"
  sd_psql -d postgres -c "CREATE DATABASE $1 TEMPLATE template0"
}

# Drop the given databases; used from EXIT traps, so it never fails. A database holding a
# subscription cannot be dropped (not even WITH (FORCE)): each is let go of its slot (never
# created: the tests make them with connect = false) and dropped first.
sd_pg_dropdbs() {
  local db s
  for db in "$@"; do
    for s in $(sd_psql -d "$db" -At -c "SELECT quote_ident(s.subname) FROM pg_subscription s
                 JOIN pg_database d ON d.oid = s.subdbid WHERE d.datname = current_database()" \
               2> /dev/null); do
      sd_psql -d "$db" -c "ALTER SUBSCRIPTION $s DISABLE" -c "ALTER SUBSCRIPTION $s SET (slot_name = NONE)" \
        -c "DROP SUBSCRIPTION $s" > /dev/null 2>&1 || true
    done
    sd_psql -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" > /dev/null 2>&1 || true
  done
}

# pg_dump --schema-only of database $1 to file $2, with a fixed \restrict key so that two dumps
# of equal schemas are byte-identical. pg_dump does not show extension versions (CREATE
# EXTENSION names none), so they are appended.
sd_pg_dump() {
  "$PGBIN/pg_dump" --schema-only --restrict-key=sdtestkey -d "$1" -f "$2" || return 1
  {
    echo "-- extension versions (not part of pg_dump's output)"
    sd_psql -d "$1" -At -c "SELECT 'extension ' || extname || ' ' || extversion FROM pg_extension ORDER BY extname"
  } >> "$2"
}

# Print pg_dump output $1 with the lines inside each CREATE TABLE ( ... ) block sorted and
# their trailing commas removed: a column added by ALTER TABLE comes last, and that order
# difference alone is not a failure. Runs of GRANT/REVOKE lines are sorted too: pg_dump
# writes an object's privileges in the order of its aclitem array, which has no meaning.
# The storage parameters of a WITH (k='v', k=v, ...) list are sorted: reloptions keep the order
# they were set in (ALTER ... SET appends), which has no meaning either, and schemadrift
# holds them sorted. A user mapping option other than the few schemadrift reads the value of
# (user, username, password_required, sslcert, sslkey) has its value replaced: it may be a
# secret, and schemadrift never reads it (only that it is set). Everything else keeps its place.
sd_pg_dump_normalize() {
  LC_ALL=C awk '
    function sortopts(line,    pre, list, post, n, i, j, o, t, out) {
      if (!match(line, / WITH \(([a-z_.]+=('"'"'[^'"'"']*'"'"'|[a-z0-9_.]+), )*[a-z_.]+=('"'"'[^'"'"']*'"'"'|[a-z0-9_.]+)\)/))
        return line
      pre = substr(line, 1, RSTART + 6)
      list = substr(line, RSTART + 7, RLENGTH - 8)
      post = substr(line, RSTART + RLENGTH - 1)
      n = split(list, o, /, /)
      for (i = 2; i <= n; i++)
        for (j = i; j > 1 && o[j - 1] > o[j]; j--) { t = o[j]; o[j] = o[j - 1]; o[j - 1] = t }
      out = o[1]
      for (i = 2; i <= n; i++)
        out = out ", " o[i]
      return pre out post
    }
    { $0 = sortopts($0) }
    # A user mapping option that may hold a secret: its value is never read, only that it is set.
    /^CREATE USER MAPPING .* OPTIONS \($/ { um = 1; print NR "\t0\t" $0; next }
    um == 1 && /^\);/ { um = 0 }
    um == 1 && /^    / {
      name = $0; sub(/^    /, "", name); sub(/ '"'"'.*/, "", name); gsub(/"/, "", name)
      if (name !~ /^(user|username|password_required|sslcert|sslkey)$/)
        sub(/ '"'"'.*'"'"'/, " '"'"'<secret>'"'"'")
    }
    blk == 0 && /^CREATE (UNLOGGED |FOREIGN )?TABLE .*\($/ { print NR "\t0\t" $0; blk = NR; next }
    blk != 0 && /^\)/ { print blk "\t2\t" $0; blk = 0; next }
    blk != 0 { sub(/,$/, ""); print blk "\t1\t" $0; next }
    /^(GRANT|REVOKE) / { if (acl == 0) acl = NR; print acl "\t1\t" $0; next }
    { acl = 0; print NR "\t0\t" $0 }
  ' "$1" | LC_ALL=C sort -s -t "$(printf '\t')" -k1,1n -k2,2n -k3 | cut -f3-
}
