# What the bench scripts share: their tools, the run's bearer token, and one wrk measurement.

# bench_require_tools: wrk (installed with apt-get when missing and allowed), PostgreSQL's server binaries, and a
# user they run as; exits 2 naming what is missing.
bench_require_tools() {
  if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing wrk with apt-get"
      apt-get install -y -qq wrk >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
    else
      echo "error: wrk is not installed (Debian/Ubuntu: sudo apt-get install wrk)" >&2
      exit 2
    fi
  fi
  pg_bin_dir >/dev/null || { echo "error: no PostgreSQL server binaries. $PG_INSTALL_HINT" >&2; exit 2; }
  pg_check_owner
}

# bench_token SCOPES: a signing key and an HS256 token with SCOPES for this run only: exports BENCH_TOKEN, and sets
# bearer_settings, the settings that make Fpas trust it (the issuer a Production start requires, ADR 12).
bench_token() {
  local header payload signature now
  b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  signing_key=$(openssl rand -base64 32)
  now=$(date +%s)
  header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"sub":"bench","scope":"%s","iss":"fpas-bench","aud":"fpas-bench","iat":%s,"nbf":%s,"exp":%s}' \
    "$1" "$now" "$now" "$(( now + 86400 ))" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" \
    | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(echo "$signing_key" | openssl base64 -d -A | od -An -tx1 | tr -d ' \n')" -binary | b64url)
  export BENCH_TOKEN="$header.$payload.$signature"
  bearer_settings=(Authentication__Schemes__Bearer__ValidIssuer=fpas-bench Authentication__Schemes__Bearer__ValidAudiences__0=fpas-bench
    Authentication__Schemes__Bearer__SigningKeys__0__Issuer=fpas-bench "Authentication__Schemes__Bearer__SigningKeys__0__Value=$signing_key")
}

to_ms() { # wrk latency (e.g. 812.00us, 3.21ms, 1.02s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# run_wrk SCRIPT CONNECTIONS DURATION: against $base_url, prints "req/s p50_ms p99_ms non2xx".
run_wrk() {
  local out
  out=$(wrk -t2 -c"$2" -d"$3" --latency -s "$BENCH_WRK_DIR/$1.lua" "$base_url")
  local rps p50 p99 non2xx errors
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
  p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  non2xx=$(echo "$out" | awk '/Non-2xx or 3xx/ { print $5 }')
  errors=$(echo "$out" | awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }')
  echo "$rps $p50 $p99 $(( ${non2xx:-0} + ${errors:-0} ))"
}
