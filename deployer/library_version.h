#pragma once
// The versions of the SSH and crypto libraries linked into tessera_deployer, asked at run time, and the list
// of every library the host tools (CLI and studio) link, for `tessera --version` and the studio's About box.

#include <string>
#include <utility>
#include <vector>

namespace tessera::deployer {

// libssh's ssh_version(0): "0.10.4/openssl/zlib".
std::string libsshVersion();
// OpenSSL's OpenSSL_version(OPENSSL_VERSION): "OpenSSL 3.0.11 19 Sep 2023".
std::string opensslVersion();

// {library, version} of GLPK, libssh, OpenSSL, ZeroMQ, Protocol Buffers, ONNX, Eigen, OpenBLAS and FFmpeg, in
// that order; a library that is not linked (OpenBLAS) says what runs instead.
std::vector<std::pair<std::string, std::string>> linkedLibraryVersions();

} // namespace tessera::deployer
