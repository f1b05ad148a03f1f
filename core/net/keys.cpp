#include "core/net/keys.h"

#include <zmq.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

#include "core/base/file_io.h"

namespace tessera::net {
namespace {
constexpr const char* kFormat = "tessera-cluster-keys";
constexpr int kVersion = 1;

bool isZ85Key(const std::string& text) {
    std::uint8_t binary[32];
    return text.size() == 40 && zmq_z85_decode(binary, text.c_str()) != nullptr;
}
} // namespace

Expected<ClusterKeys> generateClusterKeys() {
    char publicKey[41], secretKey[41];
    if (zmq_curve_keypair(publicKey, secretKey) != 0) {
        return Error{ErrorCode::Unsupported,
                     "this ZeroMQ library has no CURVE support (libzmq built without libsodium)"};
    }
    std::random_device random;
    std::string id;
    static constexpr char kHex[] = "0123456789abcdef";
    for (int i = 0; i < 32; ++i) {
        id += kHex[random() % 16];
    }
    return ClusterKeys{id, publicKey, secretKey};
}

Status writeKeys(const ClusterKeys& keys, const std::string& path) {
    nlohmann::json j{{"format", kFormat},
                     {"version", kVersion},
                     {"cluster", keys.clusterId},
                     {"public", keys.publicKey},
                     {"secret", keys.secretKey}};
    // private from its creation: the secret key is never readable by others, not even for a moment
    return writeFileAtomically(path, j.dump(2) + "\n", 0600);
}

Expected<ClusterKeys> readKeys(const std::string& path) {
    auto text = readFile(path);
    if (!text) {
        return text.error();
    }
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return Error{ErrorCode::Parse, path + ": not a JSON object"};
    }
    if (j.value("format", "") != kFormat) {
        return Error{ErrorCode::Parse,
                     path + ": not a Tessera keys file (\"format\" is not \"" + std::string(kFormat) + "\")"};
    }
    if (!j["version"].is_number_integer() || j["version"].get<int>() > kVersion) {
        return Error{ErrorCode::Unsupported, path + ": keys file version " + j["version"].dump() +
                                                 " is newer than this program's (" +
                                                 std::to_string(kVersion) + ")"};
    }
    ClusterKeys keys;
    for (auto [field, out] : {std::pair{"cluster", &keys.clusterId}, std::pair{"public", &keys.publicKey},
                              std::pair{"secret", &keys.secretKey}}) {
        if (!j[field].is_string()) {
            return Error{ErrorCode::Parse, path + ": field \"" + field + "\" missing or not a string"};
        }
        *out = j[field].get<std::string>();
    }
    if (!isZ85Key(keys.publicKey) || !isZ85Key(keys.secretKey)) {
        return Error{ErrorCode::Parse,
                     path + ": \"public\" and \"secret\" must be 40-character Z85 CURVE keys"};
    }
    return keys;
}

} // namespace tessera::net
