#pragma once
// Python scripts the emulated-cluster tests run on their devices to measure a link's rate.

namespace tessera::deployer::test {

// python3 -c kReceiver PORT: receives one connection on PORT and prints the rate it came at (bits per
// second).
inline const char* kReceiver = R"(
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", int(sys.argv[1]))); s.listen(1); c, _ = s.accept()
n = 0; first = None
while True:
    b = c.recv(65536)
    if not b: break
    if first is None: first = time.time()
    n += len(b)
print(n * 8 / (time.time() - first))
)";

// python3 -c kSender HOST PORT BYTES: sends BYTES bytes to argv[1]:argv[2], retrying until the receiver
// listens.
inline const char* kSender = R"(
import socket, sys, time
for attempt in range(100):
    try:
        s = socket.create_connection((sys.argv[1], int(sys.argv[2]))); break
    except OSError: time.sleep(0.05)
s.sendall(b"x" * int(sys.argv[3])); s.close()
)";

} // namespace tessera::deployer::test
