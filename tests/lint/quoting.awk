# quoting.awk: the checks behind quoting.sh (POSIX awk; runs under mawk and gawk).
# Input: C files named relative to the repo root. util/sql.c is the one place quoting lives, so
# only the banned-function checks apply to it.
# Output: "file:line: message" per finding; exit status 1 if there is any.
#
# Each line is split into two views, with block comments tracked across lines:
#   nc: comments blanked, string and char literals kept (quoting patterns live in literals);
#   ns: comments blanked and literal contents removed (calls to banned functions).

function strip(line,    i, c, n, nc, ns, d)
{
    nc = ""
    ns = ""
    n = length(line)
    for (i = 1; i <= n; i++) {
        c = substr(line, i, 1)
        if (state == "comment") {
            if (c == "*" && substr(line, i + 1, 1) == "/") {
                state = ""
                i++
                nc = nc "  "
                ns = ns "  "
            } else {
                nc = nc " "
                ns = ns " "
            }
            continue
        }
        if (state == "str" || state == "chr") {
            d = (state == "str") ? "\"" : "'"
            if (c == "\\") {
                nc = nc c substr(line, i + 1, 1)
                i++
                continue
            }
            nc = nc c
            if (c == d) {
                ns = ns c
                state = ""
            }
            continue
        }
        if (c == "/" && substr(line, i + 1, 1) == "*") {
            state = "comment"
            i++
            nc = nc "  "
            ns = ns "  "
            continue
        }
        if (c == "/" && substr(line, i + 1, 1) == "/")
            break
        if (c == "\"")
            state = "str"
        else if (c == "'")
            state = "chr"
        nc = nc c
        ns = ns c
    }
    # A literal never spans lines (no backslash continuation in our sources).
    if (state == "str" || state == "chr")
        state = ""
    NC = nc
    NS = ns
}

function report(msg, ln)
{
    printf "%s:%d: %s\n", FILENAME, ln ? ln : FNR, msg
    found++
}

# First non-space character of the second argument of a call whose "(" ends the text in t.
# Returns "" when t does not reach it (the caller adds the next line).
function second_arg(t,    i, c, depth, n, seen)
{
    depth = 0
    seen = 0
    n = length(t)
    for (i = 1; i <= n; i++) {
        c = substr(t, i, 1)
        if (seen) {
            if (c != " " && c != "\t")
                return substr(t, i)
            continue
        }
        if (c == "(")
            depth++
        else if (c == ")") {
            if (depth == 0)
                return ")"
            depth--
        } else if (c == "," && depth == 0)
            seen = 1
    }
    return ""
}

BEGIN {
    state = ""
    found = 0
    fmt = "%[-+ #0-9.*]*s"
    # Calls whose format strings are for people, not SQL (ARCHITECTURE.md, Quoting): the sd_err_*
    # family, fprintf(stderr, ...), and any function with fail, error or warn in its name
    # (module helpers such as a static fail(ctx, at, fmt, ...) that wrap sd_err_set).
    msgfn = "(^|[^A-Za-z0-9_])((sd_err_[a-z_]+|[a-z_]*(fail|error|warn)[a-z_]*)[ \t]*\\(|fprintf[ \t]*\\([ \t]*stderr[ \t]*,)"
    banned = "(^|[^A-Za-z0-9_.>])(sprintf|vsprintf|strcpy|strcat|gets|atoi|atol|atoll|atof|strtok|system|tmpnam|tempnam|mktemp|strcoll)[ \t]*\\("
    quotefn = "(^|[^A-Za-z0-9_])(PQescapeIdentifier|PQescapeLiteral|PQescapeString|PQescapeStringConn|sqlite3_mprintf|sqlite3_vmprintf|sqlite3_snprintf|sqlite3_vsnprintf|sqlite3_str_appendf)[ \t]*\\("
    stmt = ""
    pq = ""
    pqline = 0
}

FNR == 1 {
    state = ""
    stmt = ""
    pq = ""
    sqlfile = (FILENAME == "util/sql.c")
}

{
    strip($0)
    ctx = stmt " " NS

    # Banned functions (ARCHITECTURE.md, Banned functions), everywhere outside tests.
    t = NS
    while (match(t, banned)) {
        name = substr(t, RSTART, RLENGTH)
        sub(/^[^A-Za-z_]/, "", name)
        sub(/[ \t]*\($/, "", name)
        report("banned function " name "() (ARCHITECTURE.md, Banned functions)")
        t = substr(t, RSTART + RLENGTH)
    }
    if (NS ~ /(^|[^A-Za-z0-9_])setlocale[ \t]*\([ \t]*LC_ALL/)
        report("setlocale(LC_ALL, ...) is banned: output must not depend on the locale (ARCHITECTURE.md, Determinism)")

    # PQexec with user data: only a string literal or a CONSTANT may be its query.
    if (pq != "") {
        pq = pq " " NS
    } else if (match(NS, /(^|[^A-Za-z0-9_])PQexec[ \t]*\(/)) {
        pq = substr(NS, RSTART + RLENGTH)
        pqline = FNR
    }
    if (pq != "") {
        a = second_arg(pq)
        if (a != "" || FNR - pqline >= 5) {
            if (a !~ /^"/ && a !~ /^[A-Z_][A-Z0-9_]*[ \t]*\)/) {
                report("PQexec() with a non-constant query: pass user data through PQexecParams (ARCHITECTURE.md, Quoting)", pqline)
            }
            pq = ""
        }
    }

    if (!sqlfile) {
        if (match(NS, quotefn)) {
            name = substr(NS, RSTART, RLENGTH)
            sub(/^[^A-Za-z_]/, "", name)
            sub(/[ \t]*\($/, "", name)
            report(name "() outside util/sql.c: quote with sd_sql_ident/sd_sql_literal (ARCHITECTURE.md, Quoting)")
        }
        msg = (ctx ~ msgfn)
        if ($0 ~ /lint: quoting-ok/)
            msg = 1
        if (!msg) {
            if (NC ~ ("\\\\\"" fmt) || NC ~ (fmt "\\\\\""))
                report("hand-made \"...\" quoting around a %s: use sd_sql_ident/sd_sql_qualified (ARCHITECTURE.md, Quoting)")
            if (NC ~ ("'" fmt) || NC ~ (fmt "'"))
                report("hand-made '...' quoting around a %s: use sd_sql_literal or a bound parameter (ARCHITECTURE.md, Quoting)")
            if (NC ~ ("\\[" fmt "\\]") || NC ~ ("`" fmt "`"))
                report("hand-made [...] or `...` quoting around a %s: use sd_sql_ident (ARCHITECTURE.md, Quoting)")
            if (NC ~ /"\\"\\""/ || NC ~ /"''"/)
                report("hand-made quote doubling (\"\\\"\\\"\" or \"''\"): use sd_sql_ident/sd_sql_literal (ARCHITECTURE.md, Quoting)")
        }
    }

    # Keep the statement text since the last ; { or } as context for the next line.
    t = NS
    gsub(/"[^"]*"/, "\"\"", t)
    if (match(t, /[;{}][^;{}]*$/))
        stmt = substr(t, RSTART + 1)
    else
        stmt = stmt " " t
}

END {
    exit found ? 1 : 0
}
