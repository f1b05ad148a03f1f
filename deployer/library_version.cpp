#include "deployer/library_version.h"

#include <libssh/libssh.h>
#include <openssl/crypto.h>

#include "core/exec/library_version.h"
#include "core/media/library_version.h"
#include "core/model/library_version.h"
#include "core/net/library_version.h"
#include "core/optimize/library_version.h"

namespace tessera::deployer {

std::string libsshVersion() {
    const char* version = ssh_version(0);
    return version ? version : "";
}

std::string opensslVersion() {
    return OpenSSL_version(OPENSSL_VERSION);
}

std::vector<std::pair<std::string, std::string>> linkedLibraryVersions() {
    const std::string openblas = exec::openblasVersion();
    return {
        {"GLPK", optimize::glpkVersion()},
        {"libssh", libsshVersion()},
        {"OpenSSL", opensslVersion()},
        {"ZeroMQ", net::zmqVersion()},
        {"Protocol Buffers", net::protobufVersion()},
        {"ONNX", model::onnxVersion()},
        {"Eigen", exec::eigenVersion()},
        {"OpenBLAS", openblas.empty() ? "not linked (matrix products run on Eigen)" : openblas},
        {"FFmpeg", media::ffmpegVersion()},
    };
}

} // namespace tessera::deployer
