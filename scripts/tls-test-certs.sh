#!/usr/bin/env bash
# Writes throwaway TLS material for tests and benchmarks into DIR (created if missing):
#
#   ca.pem, ca.key                  the test CA ("trusted": tests hand ca.pem to the client)
#   ca.p12                          ca.pem as a PKCS12 trust store, password "changeit"
#   ca.der                          ca.pem in DER (not PEM)
#   server.pem, server.key          signed by ca.pem, SANs IP:127.0.0.1 and DNS:localhost
#   other-ca.pem, other-ca.key      a second CA that no test trusts by default
#   untrusted.pem, untrusted.key    signed by other-ca.pem, SANs IP:127.0.0.1 and DNS:localhost
#   wronghost.pem, wronghost.key    signed by ca.pem, SAN DNS:other.example only
#   expired.pem, expired.key        signed by ca.pem, SANs as server.pem, valid 2020-01-01..2021-01-01
#   both-cas.pem                    ca.pem followed by other-ca.pem
#
# Keys are ECDSA P-256; server certificates are v3 end-entity certificates (CA:FALSE,
# serverAuth), which is what rustls/webpki and the JDK require. Needs openssl (and keytool for
# ca.p12, skipped with a warning when absent).
#
# Usage: scripts/tls-test-certs.sh DIR
set -euo pipefail
dir=${1:?usage: $0 DIR}
mkdir -p "$dir"
cd "$dir"
command -v openssl >/dev/null || { echo "tls-test-certs.sh: openssl not found" >&2; exit 2; }

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

ca() { # name subject
    key "$1.key"
    openssl req -x509 -new -key "$1.key" -out "$1.pem" -days 3650 -subj "/CN=$2" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -addext "subjectKeyIdentifier=hash" 2>/dev/null
}

ext() { # san
    printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
        "extendedKeyUsage=serverAuth" "subjectKeyIdentifier=hash" \
        "authorityKeyIdentifier=keyid" "subjectAltName=$1"
}

leaf() { # name ca san [days]
    key "$1.key"
    openssl req -new -key "$1.key" -out "$1.csr" -subj "/CN=$1" 2>/dev/null
    ext "$3" >"$1.ext"
    openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial \
        -out "$1.pem" -days "${4:-825}" -extfile "$1.ext" 2>/dev/null
    rm -f "$1.csr" "$1.ext"
}

expired() { # name ca san: notBefore 2020-01-01, notAfter 2021-01-01 (openssl ca sets both dates)
    key "$1.key"
    openssl req -new -key "$1.key" -out "$1.csr" -subj "/CN=$1" 2>/dev/null
    mkdir -p ca-db
    : >ca-db/index.txt
    echo 1000 >ca-db/serial
    cat >ca-db/ca.cnf <<EOF
[ ca ]
default_ca = test
[ test ]
database = ca-db/index.txt
serial = ca-db/serial
new_certs_dir = ca-db
default_md = sha256
policy = any
copy_extensions = none
x509_extensions = leaf
unique_subject = no
[ any ]
commonName = supplied
[ leaf ]
$(ext "$3")
EOF
    openssl ca -batch -config ca-db/ca.cnf -cert "$2.pem" -keyfile "$2.key" -in "$1.csr" \
        -out "$1.pem" -startdate 20200101000000Z -enddate 20210101000000Z -notext 2>/dev/null
    rm -rf ca-db "$1.csr"
}

local_san="IP:127.0.0.1,DNS:localhost"
ca ca "glide-jni test CA"
ca other-ca "glide-jni other test CA"
leaf server ca "$local_san"
leaf untrusted other-ca "$local_san"
leaf wronghost ca "DNS:other.example"
expired expired ca "$local_san"
cat ca.pem other-ca.pem >both-cas.pem
openssl x509 -in ca.pem -outform DER -out ca.der
rm -f ./*.srl
if command -v keytool >/dev/null; then
    rm -f ca.p12
    keytool -importcert -noprompt -alias test-ca -file ca.pem -keystore ca.p12 \
        -storetype PKCS12 -storepass changeit >/dev/null 2>&1
else
    echo "tls-test-certs.sh: keytool not found, no ca.p12" >&2
fi
# the servers read the keys; nobody else needs to
chmod 600 ./*.key
