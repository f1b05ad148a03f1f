#pragma once
// Test support: a loopback TCP port nobody listens on right now, below the kernel's ephemeral range. The
// kernel's own choice for port 0 comes from that range, where any outgoing connection on the machine (another
// test's, in a parallel run) may take it as its local port while a test's node is down: a restarted node then
// found its port in use (test_cluster_security, once in CI). A port below the range is never handed out so.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <random>

namespace tessera::test {

inline int freePort() {
    int ephemeralLow = 32768;
    std::ifstream("/proc/sys/net/ipv4/ip_local_port_range") >> ephemeralLow;
    const int low = std::max(1024, ephemeralLow - 12000), high = std::max(low, ephemeralLow - 1);
    std::mt19937 rng(std::random_device{}() ^ unsigned(::getpid()));
    for (int attempt = 0; attempt < 200; ++attempt) {
        const int port = std::uniform_int_distribution<int>(low, high)(rng);
        const int s = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(std::uint16_t(port));
        const bool free = ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
        ::close(s);
        if (free) {
            return port;
        }
    }
    return -1;
}

} // namespace tessera::test
