#pragma once
// The cluster's CURVE keys. One key pair per cluster, made by `tessera bundle` and copied into every
// device's bundle and the client's: every node is a CURVE server with it, every connection a CURVE client
// with it, and a node's authentication handler admits only clients presenting this public key. A process
// without the cluster's key pair can neither read the traffic nor be admitted.

#include <string>

#include "core/base/error.h"

namespace tessera::net {

struct ClusterKeys {
    std::string clusterId;
    std::string publicKey; // Z85, 40 characters
    std::string secretKey; // Z85, 40 characters
};

// A fresh key pair and a random cluster id (32 hex digits).
Expected<ClusterKeys> generateClusterKeys();

// Keys files (JSON, docs/file-formats.md "Deployment bundle"): written with owner-only permissions.
Status writeKeys(const ClusterKeys& keys, const std::string& path);
Expected<ClusterKeys> readKeys(const std::string& path);

} // namespace tessera::net
