#pragma once
// Errors as values for the Qt-free core: every fallible call returns Expected<T>.
// Messages are plain English for logs and the CLI; the UI may map codes to translated text.

#include <string>
#include <utility>
#include <variant>

namespace tessera {

enum class ErrorCode {
    Io,           // a file could not be read or written
    Parse,        // a file is malformed (truncated, corrupt, bad syntax)
    Unsupported,  // valid input using something Tessera does not support
    InvalidModel, // the model is inconsistent (checker, shape inference, dangling names)
    InvalidArgument,
    Cancelled,
};

const char* toString(ErrorCode code);

struct Error {
    ErrorCode code;
    std::string message;

    // "file.onnx: node 'conv3': ..." - prefix a context (file, node) to the message.
    Error withContext(const std::string& context) const { return {code, context + ": " + message}; }
};

// A value or an Error. Access to the wrong alternative throws std::bad_variant_access.
template <typename T> class [[nodiscard]] Expected {
public:
    Expected(T value)
        : m_v(std::move(value)) {}
    Expected(Error error)
        : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// Expected<void> equivalent.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
        , m_failed(true) {}
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error{ErrorCode::Io, {}};
    bool m_failed = false;
};

} // namespace tessera
