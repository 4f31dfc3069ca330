#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-nginx.sh FETCH_TWICE FIXTURE_DIR
#
# Two starts of the app against a real nginx on loopback (gzip on, ETags on)
# serving FIXTURE_DIR: the first start downloads a post, a page and a
# picture; the second must ask conditionally and get 304 for each, which
# nginx's access log shows from the server's side.
#
# Skipped (exit 77) where nginx is not installed, except in CI ($CI set),
# where .ci/deps --tests installs it and its absence is a failure.

set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 FETCH_TWICE FIXTURE_DIR" >&2
  exit 99
fi

fetch_twice=$1
fixtures=$(cd "$2" && pwd)
files=(post.md:document index.html:document picture.png:picture)

nginx=$(command -v nginx || true)
if [ -z "$nginx" ] && [ -x /usr/sbin/nginx ]; then
  nginx=/usr/sbin/nginx
fi
if [ -z "$nginx" ]; then
  if [ -n "${CI:-}" ]; then
    echo "FAIL: nginx is not installed; .ci/deps --tests installs it" >&2
    exit 1
  fi
  echo "SKIP: nginx is not installed (Debian package nginx)"
  exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ncl-nginx-XXXXXX")
nginx_pid=

stop_nginx() {
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid" 2>/dev/null
    wait "$nginx_pid" 2>/dev/null
  fi
  nginx_pid=
}

cleanup() {
  stop_nginx
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() {
  echo "FAIL: $*" >&2
  if [ -s "$tmp/error.log" ]; then
    echo "--- nginx error log:" >&2
    cat "$tmp/error.log" >&2
  fi
  exit 1
}

# Workers run as nginx's default user (nobody) when started as root, and
# could not read a checkout under /root; run them as whoever runs the test.
user_line=
if [ "$(id -u)" -eq 0 ]; then
  user_line="user root;"
fi

write_config() {
  cat > "$tmp/nginx.conf" <<EOF
$user_line
worker_processes 1;
events { worker_connections 64; }
http {
  types {
    text/html html;
    text/markdown md;
    image/png png;
  }
  default_type application/octet-stream;

  log_format conditional '\$status "\$http_if_none_match" \$request_uri';
  access_log $tmp/access.log conditional;

  client_body_temp_path $tmp/client_body;
  proxy_temp_path $tmp/proxy;
  fastcgi_temp_path $tmp/fastcgi;
  uwsgi_temp_path $tmp/uwsgi;
  scgi_temp_path $tmp/scgi;

  gzip on;
  gzip_min_length 0;
  gzip_types text/markdown;

  server {
    listen 127.0.0.1:$1;
    root $fixtures;
    etag on;
  }
}
EOF
}

# A port that was free a moment ago may be taken by the time nginx binds
# it: try a few.
for attempt in 1 2 3 4 5; do
  port=$("$fetch_twice" --free-port) || fail "no free port"
  write_config "$port"
  : > "$tmp/error.log"
  "$nginx" -p "$tmp" -c "$tmp/nginx.conf" -e "$tmp/error.log" \
    -g "daemon off; pid $tmp/nginx.pid; error_log $tmp/error.log;" &
  nginx_pid=$!

  ready=
  for _ in $(seq 100); do
    if ! kill -0 "$nginx_pid" 2>/dev/null; then
      break
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      ready=1
      break
    fi
    sleep 0.1
  done

  if [ -n "$ready" ]; then
    break
  fi
  stop_nginx
  if ! grep -q "Address already in use" "$tmp/error.log"; then
    fail "nginx did not start"
  fi
done
[ -n "$ready" ] || fail "nginx found no free port in 5 attempts"

echo "nginx $("$nginx" -v 2>&1 | sed 's/^nginx version: //') on 127.0.0.1:$port"

"$fetch_twice" "$tmp/cache" "http://127.0.0.1:$port/" "$fixtures" "${files[@]}" ||
  fail "fetch-twice failed"

stop_nginx

echo "--- nginx access log (status, If-None-Match, path):"
cat "$tmp/access.log"

n=${#files[@]}
mapfile -t lines < "$tmp/access.log"
[ "${#lines[@]}" -eq $((2 * n)) ] ||
  fail "expected $((2 * n)) requests in the access log, found ${#lines[@]}"

for ((i = 0; i < n; i++)); do
  case ${lines[$i]} in
    '200 "-" '*) ;;
    *) fail "first start, request $((i + 1)): expected an unconditional 200, got: ${lines[$i]}" ;;
  esac
done
for ((i = n; i < 2 * n; i++)); do
  case ${lines[$i]} in
    '304 "-" '*) fail "second start, request $((i + 1)): a 304 without If-None-Match: ${lines[$i]}" ;;
    '304 "'*) ;;
    *) fail "second start, request $((i + 1)): expected a conditional 304, got: ${lines[$i]}" ;;
  esac
done

echo "PASS: the second start sent If-None-Match for all $n files and got 304 for each"
