# TLS material for dockerd's TCP listener (openssl), generated once. Sourced by eng/engines.sh.
#
#
#   tls/ca/{ca.pem,ca-key.pem}          the test bed's CA
#   tls/server/{cert.pem,key.pem}       dockerd's certificate: SAN IP:127.0.0.1, DNS:localhost
#   tls/client/{ca.pem,cert.pem,key.pem}    a client signed by the CA (RSA key, PKCS#1 as docker's docs make it)
#   tls/client-ec/{ca.pem,cert.pem,key.pem} the same with an EC P-256 key (SEC1 "EC PRIVATE KEY")
#   tls/other/{ca.pem,cert.pem,key.pem}     an unrelated CA and a client it signed: dockerd refuses that
#                                           client, and that ca.pem does not sign dockerd's certificate

# tls_sign NAME DIR CA_DIR EXT_FILE KEYTYPE: a key and a certificate for NAME signed by CA_DIR's CA.
tls_sign() {
  local name=$1 d=$2 ca=$3 ext=$4 keytype=$5
  mkdir -p "$d"
  case $keytype in
    rsa) openssl genrsa -traditional -out "$d/key.pem" 2048 2>/dev/null ;;
    ec) openssl ecparam -name prime256v1 -genkey -noout -out "$d/key.pem" 2>/dev/null ;;
  esac
  openssl req -new -key "$d/key.pem" -subj "/CN=$name" -out "$d/req.csr" 2>/dev/null
  openssl x509 -req -in "$d/req.csr" -CA "$ca/ca.pem" -CAkey "$ca/ca-key.pem" -CAcreateserial \
    -days 3650 -sha256 -extfile "$ext" -out "$d/cert.pem" 2>/dev/null
  rm -f "$d/req.csr"
  chmod 600 "$d/key.pem"
  chmod 644 "$d/cert.pem"
}

# tls_ca DIR NAME: a self-signed CA.
tls_ca() {
  local d=$1 name=$2
  mkdir -p "$d"
  openssl genrsa -out "$d/ca-key.pem" 2048 2>/dev/null
  openssl req -new -x509 -days 3650 -sha256 -key "$d/ca-key.pem" -subj "/CN=$name" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -out "$d/ca.pem" 2>/dev/null
  chmod 600 "$d/ca-key.pem"
}

tls_complete() {
  local f
  for f in ca/ca.pem server/cert.pem server/key.pem client/ca.pem client/cert.pem client/key.pem \
    client-ec/ca.pem client-ec/cert.pem client-ec/key.pem other/ca.pem other/cert.pem other/key.pem; do
    [[ -s $TLS_DIR/$f ]] || return 1
  done
}

make_tls() {
  if tls_complete; then
    log "TLS material already in $TLS_DIR"
    return
  fi
  command -v openssl >/dev/null 2>&1 || die "openssl is required to make the TLS material"
  log "making TLS material (CA, dockerd and client certificates) in $TLS_DIR"
  # Start over: a half-made set (an interrupted run) would mix CAs.
  rm -rf "$TLS_DIR"
  mkdir -p "$TLS_DIR"
  local t=$TLS_DIR
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$t/server.ext"
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' >"$t/client.ext"
  tls_ca "$t/ca" "Oci test bed CA"
  tls_sign "oci-testbed-dockerd" "$t/server" "$t/ca" "$t/server.ext" rsa
  tls_sign "oci-test-client" "$t/client" "$t/ca" "$t/client.ext" rsa
  tls_sign "oci-test-client-ec" "$t/client-ec" "$t/ca" "$t/client.ext" ec
  cp "$t/ca/ca.pem" "$t/client/ca.pem"
  cp "$t/ca/ca.pem" "$t/client-ec/ca.pem"
  tls_ca "$t/other-ca" "Unrelated CA"
  tls_sign "oci-other-client" "$t/other" "$t/other-ca" "$t/client.ext" rsa
  cp "$t/other-ca/ca.pem" "$t/other/ca.pem"
  rm -f "$t/server.ext" "$t/client.ext" "$t"/*/ca.srl
  TLS_REMADE=1
}
