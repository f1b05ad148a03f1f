#pragma once
// The versions of the SSH and crypto libraries linked into tessera_deployer, asked at run time.

#include <string>

namespace tessera::deployer {

// libssh's ssh_version(0): "0.10.4/openssl/zlib".
std::string libsshVersion();
// OpenSSL's OpenSSL_version(OPENSSL_VERSION): "OpenSSL 3.0.11 19 Sep 2023".
std::string opensslVersion();

} // namespace tessera::deployer
