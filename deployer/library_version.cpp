#include "deployer/library_version.h"

#include <libssh/libssh.h>
#include <openssl/crypto.h>

namespace tessera::deployer {

std::string libsshVersion() {
    const char* version = ssh_version(0);
    return version ? version : "";
}

std::string opensslVersion() {
    return OpenSSL_version(OPENSSL_VERSION);
}

} // namespace tessera::deployer
