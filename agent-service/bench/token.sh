# Sourced by the bench scripts: an admin bearer token signed with the local dev key pair that
# bin/infra up generates (~/.strata/jwt-private.pem), which the app trusts by default.
bench_token() {
  local key="${STRATA_JWT_PRIVATE_KEY:-$HOME/.strata/jwt-private.pem}" now header payload sig
  b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64)
  payload=$(printf '{"iss":"strata","upn":"bench","sub":"bench","groups":["admin"],"iat":%d,"exp":%d}' "$now" $((now + 7200)) | b64)
  sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" | b64)
  printf '%s.%s.%s' "$header" "$payload" "$sig"
}
