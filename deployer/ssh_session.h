#pragma once
// One SSH connection to one device (libssh): host key verification against a known_hosts file, public-key
// authentication (a key file or the ssh-agent; passwords are never used), remote commands and SFTP upload.
//
// Contracts:
// - connect() verifies the host key before authenticating. A key not in known_hosts is an error carrying its
//   SHA256 fingerprint, unless the target says AcceptNew or confirmHostKey answers yes (then the key is
//   appended to known_hosts). A key
//   that differs from the one known_hosts holds for that host is always refused, whatever the policy.
// - Every error message starts with where() ("device 'rpi-1' (pi@10.0.0.12:22)") and says what to do.
// - A session is used by one thread at a time; different sessions may run on different threads. A session
//   through a jump host has one thread of its own relaying its bytes through the jump host's session.
// - With a stop token (SshTarget::stop), a stop request ends connecting and every network wait of the session
//   within about 50 ms, with a Cancelled error: the TCP connect polls the token, and a watcher thread of the
//   session shuts its socket down (the handshake, authentication and commands then fail at once).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/base/cancel.h"
#include "core/base/error.h"

namespace tessera::deployer {

enum class HostKeyPolicy {
    Strict,    // only keys already in known_hosts
    AcceptNew, // unknown hosts are added to known_hosts; changed keys are still refused
};

// Asked for the passphrase of an encrypted key file; nullopt = the user declined.
using PassphraseFn = std::function<std::optional<std::string>(const std::string& prompt)>;
// Asked whether to trust a host key that known_hosts does not hold yet: where() of the device, the key type
// ("ssh-ed25519") and its SHA256 fingerprint. True: the key is added to known_hosts and the connection goes
// on; false: refused as under Strict. Never asked about a changed key (always refused).
using HostKeyFn =
    std::function<bool(const std::string& where, const std::string& keyType, const std::string& fingerprint)>;

struct SshTarget {
    std::string device; // names the device in messages
    std::string host;
    int port = 22;
    std::string user;       // empty: the local user's name
    std::string keyFile;    // private key; empty: the ssh-agent, then ~/.ssh/id_*
    std::string knownHosts; // empty: ~/.ssh/known_hosts
    HostKeyPolicy hostKeys = HostKeyPolicy::Strict;
    int timeoutSeconds = 10;         // connecting and each network wait
    PassphraseFn passphrase;         // for encrypted key files (may be empty: such keys then fail)
    HostKeyFn confirmHostKey;        // under Strict, asked about an unknown host key (may be empty: refused)
    const StopToken* stop = nullptr; // may be null; else it must outlive the session
    // Reached through this host (OpenSSH's ProxyJump): the connection to it is authenticated and its host
    // key verified on its own, then it opens a TCP channel to host:port, over which this session runs
    // end to end (the jump host sees only encrypted bytes). None: connect directly.
    std::shared_ptr<const SshTarget> jump;
};

struct CommandResult {
    int exitStatus = -1;
    std::string out;
    std::string err;
};

struct JumpTunnel;

class SshSession {
public:
    // Connects, verifies the host key, authenticates.
    static Expected<std::unique_ptr<SshSession>> connect(const SshTarget& target);
    ~SshSession();
    SshSession(const SshSession&) = delete;
    SshSession& operator=(const SshSession&) = delete;

    // "device 'NAME' (user@host:port)", the prefix of every message about this device.
    std::string where() const;
    // The server's host key as "SHA256:..." (base64, as ssh-keygen -l prints it).
    const std::string& fingerprint() const { return m_fingerprint; }

    // Runs `command` through the remote user's shell and waits for it (the stop token ends the wait and
    // closes the channel). An error only when the command could not be run or the connection failed; a
    // non-zero exit status is a result.
    Expected<CommandResult> run(const std::string& command, const StopToken* stop = nullptr);
    // run(), requiring exit status 0: stdout, else an error "WHERE: WHAT failed (exit N): STDERR".
    Expected<std::string> check(const std::string& command, const std::string& what);

    // Copies the local file to `remotePath` (created or truncated, permissions `mode`) through SFTP, in
    // writes of kChunkBytes: the largest OpenSSH's sftp-server takes (it drops the connection on a message
    // over 256 KiB, header included), since each write waits for its answer (libssh 0.10 has no
    // asynchronous writes) and small writes are many times slower. `progress` gets the bytes written so far
    // after each chunk. A stop request ends the upload with a Cancelled error, leaving a partial remote file
    // (callers upload to a temporary name).
    static constexpr std::size_t kChunkBytes = 256 * 1024 - 1024;
    Status upload(const std::string& localPath, const std::string& remotePath, int mode,
                  const std::function<void(std::int64_t bytes)>& progress = {},
                  const StopToken* stop = nullptr);

private:
    struct Impl;
    explicit SshSession(std::unique_ptr<Impl> impl);
    // Connects to the target's jump host and opens its channel to the target, relayed to a socket.
    static Expected<std::unique_ptr<JumpTunnel>> openTunnel(const SshTarget& target,
                                                            const std::string& where);
    Status openSftp();

    std::unique_ptr<Impl> m_impl;
    std::string m_fingerprint;
};

// Whether `error` is connect()'s refusal of a host key that differs from the one known_hosts holds.
bool isHostKeyChanged(const Error& error);

// `text` as one word for a POSIX shell ('...' with embedded quotes escaped).
std::string shellQuote(const std::string& text);

} // namespace tessera::deployer
