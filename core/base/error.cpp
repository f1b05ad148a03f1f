#include "core/base/error.h"

namespace tessera {

const char* toString(ErrorCode code) {
    switch (code) {
    case ErrorCode::Io:
        return "I/O error";
    case ErrorCode::Parse:
        return "parse error";
    case ErrorCode::Unsupported:
        return "unsupported";
    case ErrorCode::InvalidModel:
        return "invalid model";
    case ErrorCode::InvalidArgument:
        return "invalid argument";
    case ErrorCode::Cancelled:
        return "cancelled";
    }
    return "error";
}

} // namespace tessera
