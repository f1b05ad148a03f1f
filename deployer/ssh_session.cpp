// SSH sessions with libssh (ssh_session.h).
#include "deployer/ssh_session.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

namespace tessera::deployer {

// Through a jump host: the jump host's session, its channel to the device, and a thread copying bytes between
// that channel and one end of a socket pair whose other end is the device session's socket.
struct JumpTunnel {
    std::unique_ptr<SshSession> jumpSession;
    ssh_session jump = nullptr; // jumpSession's
    ssh_channel channel = nullptr;
    int relayFd = -1;   // the relay's end of the socket pair
    int sessionFd = -1; // the device session's end (libssh closes it with the session)
    std::atomic<bool> stop{false};
    std::thread relay;

    ~JumpTunnel() {
        stop = true;
        if (relay.joinable()) {
            relay.join();
        }
        if (relayFd >= 0) {
            ::close(relayFd);
        }
        if (channel) {
            ssh_channel_close(channel);
            ssh_channel_free(channel);
        }
    }
    void run();
};

// Shuts a socket down as soon as a stop is requested, so that whatever libssh waits for on it fails at once.
// It watches its own duplicate of the socket: libssh may close the session's descriptor at any time, and its
// number could then name another file.
class StopWatcher {
public:
    StopWatcher(int fd, const StopToken* stop)
        : m_fd(::fcntl(fd, F_DUPFD_CLOEXEC, 0))
        , m_thread([this, stop] { watch(stop); }) {}
    ~StopWatcher() {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    StopWatcher(const StopWatcher&) = delete;
    StopWatcher& operator=(const StopWatcher&) = delete;

private:
    void watch(const StopToken* stop) {
        std::unique_lock lock(m_mutex);
        while (!m_done) {
            if (stop->stopRequested()) {
                ::shutdown(m_fd, SHUT_RDWR);
                return;
            }
            m_wake.wait_for(lock, std::chrono::milliseconds(20));
        }
    }

    const int m_fd;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::thread m_thread; // last: started once the members it uses are
};

struct SshSession::Impl {
    SshTarget target;
    std::unique_ptr<JumpTunnel> tunnel; // outlives `session`, which talks through it
    ssh_session session = nullptr;
    sftp_session sftp = nullptr;
    std::unique_ptr<StopWatcher> watcher; // with a stop token, from the socket's creation on

    ~Impl() {
        if (sftp) {
            sftp_free(sftp);
        }
        watcher.reset();
        if (session) {
            ssh_disconnect(session);
            ssh_free(session);
        }
        tunnel.reset();
    }
};

// Until stop, the channel's end of file or an error: whatever the device session writes goes into the
// channel, whatever the channel delivers goes to the device session. The channel is drained before each
// wait, since libssh may hold data it already read from the jump host's socket.
void JumpTunnel::run() {
    std::vector<char> buffer(64 * 1024);
    auto writeAll = [](int fd, const char* data, std::size_t size) {
        while (size > 0) {
            const ssize_t n = ::write(fd, data, size);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                return false;
            }
            data += n;
            size -= std::size_t(n);
        }
        return true;
    };
    while (!stop) {
        const int in = ssh_channel_read_nonblocking(channel, buffer.data(), std::uint32_t(buffer.size()), 0);
        if (in > 0) {
            if (!writeAll(relayFd, buffer.data(), std::size_t(in))) {
                break;
            }
            continue;
        }
        if (in == SSH_ERROR || ssh_channel_is_eof(channel) || ssh_channel_is_closed(channel)) {
            break;
        }
        pollfd fds[2] = {{relayFd, POLLIN, 0}, {ssh_get_fd(jump), POLLIN, 0}};
        if (::poll(fds, 2, 50) < 0 && errno != EINTR) {
            break;
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t out = ::read(relayFd, buffer.data(), buffer.size());
            if (out <= 0) {
                break; // the device session closed its end
            }
            for (ssize_t done = 0; done < out;) {
                const int n = ssh_channel_write(channel, buffer.data() + done, std::uint32_t(out - done));
                if (n <= 0) {
                    stop = true;
                    break;
                }
                done += n;
            }
        }
    }
    // the device session sees the connection end
    ::shutdown(relayFd, SHUT_RDWR);
}

namespace {

std::string localUser() {
    if (const passwd* pw = getpwuid(geteuid())) {
        return pw->pw_name;
    }
    return "root";
}

std::string homeDir() {
    if (const char* home = std::getenv("HOME"); home && *home) {
        return home;
    }
    if (const passwd* pw = getpwuid(geteuid())) {
        return pw->pw_dir;
    }
    return "/";
}

std::string endpoint(const SshTarget& t) {
    return (t.user.empty() ? localUser() : t.user) + "@" + t.host + ":" + std::to_string(t.port);
}

std::string describeTarget(const SshTarget& t) {
    return "device '" + t.device + "' (" + endpoint(t) + (t.jump ? " via " + endpoint(*t.jump) : "") + ")";
}

// Called by libssh for an encrypted key's passphrase; `userdata` is the target's PassphraseFn.
int passphraseCallback(const char* prompt, char* buf, std::size_t len, int /*echo*/, int /*verify*/,
                       void* userdata) {
    const auto* ask = static_cast<const PassphraseFn*>(userdata);
    if (!ask || !*ask) {
        return -1;
    }
    const auto answer = (*ask)(prompt ? prompt : "passphrase");
    if (!answer || answer->size() + 1 > len) {
        return -1;
    }
    std::memcpy(buf, answer->c_str(), answer->size() + 1);
    return 0;
}

// The words that mark a changed host key in connect()'s error (isHostKeyChanged() looks for them).
const char* const kHostKeyChanged = "REFUSED: THE HOST KEY HAS CHANGED";

std::string keyFingerprint(ssh_session session, std::string* type) {
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(session, &key) != SSH_OK) {
        return "(no host key)";
    }
    unsigned char* hash = nullptr;
    std::size_t hashLen = 0;
    std::string result = "(unreadable host key)";
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLen) == 0) {
        char* text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLen);
        if (text) {
            result = text;
            ssh_string_free_char(text);
        }
        ssh_clean_pubkey_hash(&hash);
    }
    if (type) {
        const char* name = ssh_key_type_to_char(ssh_key_type(key));
        *type = name ? name : "unknown";
    }
    ssh_key_free(key);
    return result;
}

bool stopRequested(const SshTarget& t) {
    return t.stop && t.stop->stopRequested();
}

std::string unreachableHint(const SshTarget& t) {
    return t.jump
               ? " - check that the jump host can reach the device, and that the device runs sshd on port " +
                     std::to_string(t.port)
               : " - check that the device is on, reachable, and runs sshd on port " + std::to_string(t.port);
}

// A TCP connection to the target, trying each of its addresses in turn within its timeout. A stop request
// ends the wait (polled every 50 ms) with a Cancelled error. The socket is returned blocking, as libssh takes
// a socket it is given.
Expected<int> tcpConnect(const SshTarget& t, const std::string& where) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (const int rc = ::getaddrinfo(t.host.c_str(), std::to_string(t.port).c_str(), &hints, &found);
        rc != 0) {
        return Error{ErrorCode::Io, where + ": cannot connect: cannot resolve " + t.host + ": " +
                                        ::gai_strerror(rc) + " - check \"host\" in the cluster file"};
    }
    const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, ::freeaddrinfo);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(t.timeoutSeconds);
    std::string why = "no address for " + t.host;
    for (const addrinfo* a = found; a; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) {
            why = std::strerror(errno);
            continue;
        }
        int error = ::connect(fd, a->ai_addr, a->ai_addrlen) == 0 ? 0 : errno;
        while (error == EINPROGRESS) {
            if (stopRequested(t)) {
                ::close(fd);
                return Error{ErrorCode::Cancelled, where + ": cancelled while connecting"};
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  deadline - std::chrono::steady_clock::now())
                                  .count();
            if (left <= 0) {
                error = ETIMEDOUT;
                break;
            }
            pollfd p{fd, POLLOUT, 0};
            const int ready = ::poll(&p, 1, int(std::min<long long>(left, 50)));
            if (ready > 0) {
                socklen_t size = sizeof error;
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size);
            } else if (ready < 0 && errno != EINTR) {
                error = errno;
            }
        }
        if (error == 0) {
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
            return fd;
        }
        why = std::strerror(error);
        ::close(fd);
    }
    return Error{ErrorCode::Io, where + ": cannot connect to " + t.host + " port " + std::to_string(t.port) +
                                    ": " + why + unreachableHint(t)};
}

// The host as known_hosts names it ("host" on port 22, "[host]:port" otherwise).
std::string knownHostsName(const SshTarget& t) {
    return t.port == 22 ? t.host : "[" + t.host + "]:" + std::to_string(t.port);
}

} // namespace

SshSession::SshSession(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl)) {}

SshSession::~SshSession() = default;

std::string SshSession::where() const {
    return describeTarget(m_impl->target);
}

Expected<std::unique_ptr<JumpTunnel>> SshSession::openTunnel(const SshTarget& t, const std::string& where) {
    auto jumpSession = connect(*t.jump); // its errors name it "device 'NAME (jump host)' (...)"
    if (!jumpSession) {
        return jumpSession.error();
    }
    auto tunnel = std::make_unique<JumpTunnel>();
    tunnel->jump = (*jumpSession)->m_impl->session;
    tunnel->jumpSession = std::move(*jumpSession);
    tunnel->channel = ssh_channel_new(tunnel->jump);
    if (!tunnel->channel ||
        ssh_channel_open_forward(tunnel->channel, t.host.c_str(), t.port, "127.0.0.1", 0) != SSH_OK) {
        return Error{ErrorCode::Io, where + ": the jump host " + endpoint(*t.jump) +
                                        " could not open a connection to " + t.host + ":" +
                                        std::to_string(t.port) + ": " + ssh_get_error(tunnel->jump) +
                                        " - check that it allows TCP forwarding (AllowTcpForwarding in its "
                                        "sshd_config) and can reach the device"};
    }
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        return Error{ErrorCode::Io, where + ": cannot create a socket pair: " + std::strerror(errno)};
    }
    tunnel->sessionFd = pair[0];
    tunnel->relayFd = pair[1];
    tunnel->relay = std::thread([t = tunnel.get()] { t->run(); });
    return tunnel;
}

Expected<std::unique_ptr<SshSession>> SshSession::connect(const SshTarget& target) {
    static std::once_flag initOnce;
    std::call_once(initOnce, [] { ssh_init(); });
    auto impl = std::make_unique<Impl>();
    impl->target = target;
    SshTarget& t = impl->target;
    if (t.knownHosts.empty()) {
        t.knownHosts = homeDir() + "/.ssh/known_hosts";
    }
    const std::string where = describeTarget(t);
    if (t.host.empty()) {
        return Error{ErrorCode::InvalidArgument, where + ": no host set (\"host\" in the cluster file)"};
    }
    impl->session = ssh_new();
    if (!impl->session) {
        return Error{ErrorCode::Io, where + ": could not create an SSH session (out of memory?)"};
    }
    ssh_session s = impl->session;
    const long timeout = t.timeoutSeconds;
    const bool processConfig = false; // only what the cluster file says, not ~/.ssh/config
    const std::string user = t.user.empty() ? localUser() : t.user;
    ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    ssh_options_set(s, SSH_OPTIONS_HOST, t.host.c_str());
    ssh_options_set(s, SSH_OPTIONS_PORT, &t.port);
    ssh_options_set(s, SSH_OPTIONS_USER, user.c_str());
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout);
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, t.knownHosts.c_str());
    // Only the chosen file decides: a global file must not vouch for a key the user never saw.
    ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");

    // The socket is made here rather than by libssh, so that a stop request can end every wait on it.
    int fd = -1;
    if (t.jump) {
        auto tunnel = openTunnel(t, where);
        if (!tunnel) {
            return tunnel.error();
        }
        impl->tunnel = std::move(*tunnel);
        fd = impl->tunnel->sessionFd;
    } else {
        auto connected = tcpConnect(t, where);
        if (!connected) {
            return connected.error();
        }
        fd = *connected;
    }
    ssh_options_set(s, SSH_OPTIONS_FD, &fd); // closed with the session
    if (t.stop) {
        impl->watcher = std::make_unique<StopWatcher>(fd, t.stop);
    }
    const auto cancelled = [&] {
        return Error{ErrorCode::Cancelled, where + ": cancelled while connecting"};
    };
    if (ssh_connect(s) != SSH_OK) {
        if (stopRequested(t)) {
            return cancelled();
        }
        return Error{ErrorCode::Io, where + ": cannot connect: " + ssh_get_error(s) + unreachableHint(t)};
    }
    std::string keyType;
    const std::string fingerprint = keyFingerprint(s, &keyType);
    switch (ssh_session_is_known_server(s)) {
    case SSH_KNOWN_HOSTS_OK:
        break;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        return Error{ErrorCode::InvalidArgument,
                     where + ": " + kHostKeyChanged + ". The device now shows " + keyType + " key " +
                         fingerprint + ", but " + t.knownHosts + " holds a different key for " +
                         knownHostsName(t) +
                         ". Someone may be intercepting the connection, or the device was reinstalled. "
                         "Tessera never accepts a changed key; if you are sure the device was reinstalled, "
                         "remove the old entry (ssh-keygen -R '" +
                         knownHostsName(t) + "' -f " + t.knownHosts + ") and connect again"};
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        if (t.hostKeys != HostKeyPolicy::AcceptNew &&
            !(t.confirmHostKey && t.confirmHostKey(where, keyType, fingerprint))) {
            if (stopRequested(t)) {
                return cancelled();
            }
            return Error{ErrorCode::InvalidArgument,
                         where + ": unknown host key " + keyType + " " + fingerprint + " (not in " +
                             t.knownHosts +
                             "). Compare it with the device's own (ssh-keygen -lf "
                             "/etc/ssh/ssh_host_*_key.pub on the device) and, if it matches, accept it: run "
                             "tessera again with --accept-new-host-keys, or in the studio Devices → Probe, "
                             "which shows the key and asks"};
        }
        if (ssh_session_update_known_hosts(s) != SSH_OK) {
            return Error{ErrorCode::Io,
                         where + ": could not add the host key to " + t.knownHosts + ": " + ssh_get_error(s)};
        }
        break;
    case SSH_KNOWN_HOSTS_ERROR:
        return Error{ErrorCode::Io, where + ": could not check the host key against " + t.knownHosts + ": " +
                                        ssh_get_error(s)};
    }

    int rc = SSH_AUTH_DENIED;
    if (!t.keyFile.empty()) {
        if (access(t.keyFile.c_str(), R_OK) != 0) {
            return Error{ErrorCode::Io, where + ": cannot read the key file " + t.keyFile + ": " +
                                            std::strerror(errno) + " - check \"ssh.key_file\""};
        }
        ssh_key key = nullptr;
        if (ssh_pki_import_privkey_file(t.keyFile.c_str(), nullptr, passphraseCallback,
                                        &impl->target.passphrase, &key) != SSH_OK) {
            return Error{ErrorCode::InvalidArgument,
                         where + ": cannot load the private key " + t.keyFile +
                             " (not a private key, or encrypted and no correct passphrase was given)"};
        }
        rc = ssh_userauth_publickey(s, nullptr, key);
        ssh_key_free(key);
    } else {
        rc = ssh_userauth_publickey_auto(s, nullptr, nullptr);
    }
    if (rc != SSH_AUTH_SUCCESS && stopRequested(t)) {
        return cancelled();
    }
    if (rc != SSH_AUTH_SUCCESS) {
        const std::string how =
            t.keyFile.empty() ? "the ssh-agent's keys and ~/.ssh/id_*" : "key " + t.keyFile;
        return Error{ErrorCode::InvalidArgument,
                     where + ": authentication failed with " + how +
                         (rc == SSH_AUTH_ERROR ? std::string(" (") + ssh_get_error(s) + ")" : "") +
                         " - add the public key to ~" + user +
                         "/.ssh/authorized_keys on the device "
                         "(ssh-copy-id), or set \"ssh.key_file\" to the right key"};
    }
    auto session = std::unique_ptr<SshSession>(new SshSession(std::move(impl)));
    session->m_fingerprint = fingerprint;
    return session;
}

Expected<CommandResult> SshSession::run(const std::string& command, const StopToken* stop) {
    ssh_session s = m_impl->session;
    ssh_channel channel = ssh_channel_new(s);
    if (!channel) {
        return Error{ErrorCode::Io, where() + ": cannot open a channel: " + ssh_get_error(s)};
    }
    struct Closer {
        ssh_channel c;
        ~Closer() {
            ssh_channel_close(c);
            ssh_channel_free(c);
        }
    } closer{channel};
    if (ssh_channel_open_session(channel) != SSH_OK ||
        ssh_channel_request_exec(channel, command.c_str()) != SSH_OK) {
        if (stopRequested(m_impl->target)) {
            return Error{ErrorCode::Cancelled, where() + ": cancelled while running a command"};
        }
        return Error{ErrorCode::Io, where() + ": cannot run a command: " + ssh_get_error(s) +
                                        " - the connection may have dropped"};
    }
    CommandResult result;
    std::vector<char> buffer(64 * 1024);
    for (;;) {
        if ((stop && stop->stopRequested()) || stopRequested(m_impl->target)) {
            return Error{ErrorCode::Cancelled, where() + ": cancelled while running a command"};
        }
        const int out =
            ssh_channel_read_timeout(channel, buffer.data(), std::uint32_t(buffer.size()), 0, 100);
        if (out > 0) {
            result.out.append(buffer.data(), std::size_t(out));
        }
        const int err = ssh_channel_read_nonblocking(channel, buffer.data(), std::uint32_t(buffer.size()), 1);
        if (err > 0) {
            result.err.append(buffer.data(), std::size_t(err));
        }
        if ((out == SSH_ERROR || err == SSH_ERROR) && stopRequested(m_impl->target)) {
            return Error{ErrorCode::Cancelled, where() + ": cancelled while running a command"};
        }
        if (out == SSH_ERROR || err == SSH_ERROR) {
            return Error{ErrorCode::Io,
                         where() + ": the connection failed while running a command: " + ssh_get_error(s)};
        }
        if (out <= 0 && err <= 0 && ssh_channel_is_eof(channel)) {
            break;
        }
    }
    result.exitStatus = ssh_channel_get_exit_status(channel);
    return result;
}

Expected<std::string> SshSession::check(const std::string& command, const std::string& what) {
    auto r = run(command);
    if (!r) {
        return r.error();
    }
    if (r->exitStatus != 0) {
        std::string err = r->err.empty() ? r->out : r->err;
        while (!err.empty() && err.back() == '\n') {
            err.pop_back();
        }
        return Error{ErrorCode::Io, where() + ": " + what + " failed (exit " + std::to_string(r->exitStatus) +
                                        ")" + (err.empty() ? "" : ": " + err)};
    }
    return std::move(r->out);
}

Status SshSession::openSftp() {
    if (m_impl->sftp) {
        return {};
    }
    m_impl->sftp = sftp_new(m_impl->session);
    if (!m_impl->sftp || sftp_init(m_impl->sftp) != SSH_OK) {
        const std::string why = ssh_get_error(m_impl->session);
        if (m_impl->sftp) {
            sftp_free(m_impl->sftp);
            m_impl->sftp = nullptr;
        }
        return Error{ErrorCode::Io, where() + ": cannot start SFTP: " + why +
                                        " - enable the sftp subsystem in the device's sshd_config"};
    }
    return {};
}

Status SshSession::upload(const std::string& localPath, const std::string& remotePath, int mode,
                          const std::function<void(std::int64_t)>& progress, const StopToken* stop) {
    std::ifstream in(localPath, std::ios::binary);
    if (!in) {
        return Error{ErrorCode::Io, localPath + ": cannot read: " + std::strerror(errno)};
    }
    if (auto s = openSftp(); !s) {
        return s;
    }
    sftp_file file = sftp_open(m_impl->sftp, remotePath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, mode_t(mode));
    if (!file) {
        return Error{ErrorCode::Io, where() + ": cannot create " + remotePath + ": " +
                                        ssh_get_error(m_impl->session) + " (SFTP status " +
                                        std::to_string(sftp_get_error(m_impl->sftp)) + ")"};
    }
    std::vector<char> chunk(kChunkBytes);
    std::int64_t written = 0;
    Status status;
    while (status.ok() && in) {
        in.read(chunk.data(), std::streamsize(chunk.size()));
        const std::size_t n = std::size_t(in.gcount());
        // sftp_write may take less than asked (a server's packet limit): write the rest.
        for (std::size_t done = 0; done < n;) {
            const ssize_t w = sftp_write(file, chunk.data() + done, n - done);
            if (w <= 0) {
                const bool connected = ssh_is_connected(m_impl->session) != 0;
                const int code = connected ? sftp_get_error(m_impl->sftp) : SSH_FX_CONNECTION_LOST;
                status = Error{ErrorCode::Io,
                               where() + ": writing " + remotePath + " failed after " +
                                   std::to_string(written) + " bytes: " + ssh_get_error(m_impl->session) +
                                   (!connected               ? " (the connection dropped)"
                                    : code == SSH_FX_FAILURE ? " (is the device's disk full? check with df)"
                                                             : "")};
                break;
            }
            done += std::size_t(w);
            written += w;
        }
        if (status.ok() && progress) {
            progress(written);
        }
        if (status.ok() && stop && stop->stopRequested()) {
            status = Error{ErrorCode::Cancelled, where() + ": upload of " + remotePath + " cancelled"};
        }
    }
    if (sftp_close(file) != SSH_NO_ERROR && status.ok()) {
        status = Error{ErrorCode::Io, where() + ": closing " + remotePath + " failed: " +
                                          ssh_get_error(m_impl->session) + " (is the device's disk full?)"};
    }
    return status;
}

std::string shellQuote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

bool isHostKeyChanged(const Error& error) {
    return error.message.find(kHostKeyChanged) != std::string::npos;
}

} // namespace tessera::deployer
