#include "core/model/onnx_stream.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace tessera::model {
namespace {

using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedInputStream;
using google::protobuf::io::CodedOutputStream;
using google::protobuf::io::StringOutputStream;

constexpr int kModelGraph = 7;       // ModelProto.graph
constexpr int kGraphInitializer = 5; // GraphProto.initializer
constexpr int kTensorRawData = 9;    // TensorProto.raw_data

// Copies one field (whose tag was just read) verbatim to `out`. False on malformed input.
bool copyField(CodedInputStream& in, std::uint32_t tag, CodedOutputStream& out) {
    out.WriteTag(tag);
    switch (WireFormatLite::GetTagWireType(tag)) {
    case WireFormatLite::WIRETYPE_VARINT: {
        std::uint64_t v = 0;
        if (!in.ReadVarint64(&v)) {
            return false;
        }
        out.WriteVarint64(v);
        return true;
    }
    case WireFormatLite::WIRETYPE_FIXED64: {
        std::uint64_t v = 0;
        if (!in.ReadLittleEndian64(&v)) {
            return false;
        }
        out.WriteLittleEndian64(v);
        return true;
    }
    case WireFormatLite::WIRETYPE_FIXED32: {
        std::uint32_t v = 0;
        if (!in.ReadLittleEndian32(&v)) {
            return false;
        }
        out.WriteLittleEndian32(v);
        return true;
    }
    case WireFormatLite::WIRETYPE_LENGTH_DELIMITED: {
        std::uint32_t length = 0;
        std::string bytes;
        if (!in.ReadVarint32(&length) || !in.ReadString(&bytes, int(length))) {
            return false;
        }
        out.WriteVarint32(length);
        out.WriteString(bytes);
        return true;
    }
    default:
        return false; // groups are not used by ONNX
    }
}

// Reads a TensorProto message body: raw_data goes to `payload`, everything else is re-encoded into `rest`.
bool readTensor(CodedInputStream& in, std::string& rest, std::vector<float>& payload,
                std::size_t& payloadBytes) {
    StringOutputStream restStream(&rest);
    CodedOutputStream out(&restStream);
    while (std::uint32_t tag = in.ReadTag()) {
        if (WireFormatLite::GetTagFieldNumber(tag) == kTensorRawData &&
            WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
            std::uint32_t length = 0;
            if (!in.ReadVarint32(&length)) {
                return false;
            }
            // a length beyond the rest of the file (the stream's limit) is corrupt: refused before the
            // buffer is allocated, or a few bytes could ask for gigabytes
            if (length >= std::uint32_t(in.BytesUntilTotalBytesLimit())) {
                return false;
            }
            payload.assign((std::size_t(length) + sizeof(float) - 1) / sizeof(float), 0.f);
            payloadBytes = length;
            if (!in.ReadRaw(payload.data(), int(length))) {
                return false;
            }
            // a one-byte placeholder keeps the tensor well-formed for the checker (which does not compare
            // raw_data sizes); the real bytes are in `payload`
            out.WriteTag(tag);
            out.WriteVarint32(1);
            out.WriteString(std::string(1, '\0'));
            continue;
        }
        if (!copyField(in, tag, out)) {
            return false;
        }
    }
    return true;
}

bool readGraph(CodedInputStream& in, std::string& rest, StreamedModel& model) {
    StringOutputStream restStream(&rest);
    CodedOutputStream out(&restStream);
    while (std::uint32_t tag = in.ReadTag()) {
        if (WireFormatLite::GetTagFieldNumber(tag) == kGraphInitializer &&
            WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
            std::uint32_t length = 0;
            if (!in.ReadVarint32(&length)) {
                return false;
            }
            const auto limit = in.PushLimit(int(length));
            std::string tensor;
            model.payloads.emplace_back();
            model.payloadBytes.push_back(0);
            if (!readTensor(in, tensor, model.payloads.back(), model.payloadBytes.back()) ||
                in.BytesUntilLimit() != 0) {
                return false;
            }
            in.PopLimit(limit);
            out.WriteTag(tag);
            out.WriteVarint32(std::uint32_t(tensor.size()));
            out.WriteString(tensor);
            continue;
        }
        if (!copyField(in, tag, out)) {
            return false;
        }
    }
    return true;
}

} // namespace

Expected<StreamedModel> readOnnxStream(int fd, const std::string& path) {
    StreamedModel model;
    std::string rest;
    bool ok = true;
    // The stream's limit is the end of the file, so that no length read from the file can point past it
    // (measured before the stream reads ahead; a pipe or other non-regular file keeps protobuf's 2 GiB cap).
    // One byte more: protobuf takes a message ending exactly at the limit for a truncated one.
    struct stat info {};
    const off_t position = ::lseek(fd, 0, SEEK_CUR);
    const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && position >= 0;
    const std::int64_t left =
        regular ? std::clamp<std::int64_t>(info.st_size - position + 1, 1, INT32_MAX) : INT32_MAX;
    {
        google::protobuf::io::FileInputStream file(fd, 1 << 20);
        CodedInputStream in(&file);
        in.SetTotalBytesLimit(int(left));
        StringOutputStream restStream(&rest);
        CodedOutputStream out(&restStream);
        while (ok) {
            const std::uint32_t tag = in.ReadTag();
            if (tag == 0) {
                ok = in.ConsumedEntireMessage();
                break;
            }
            if (WireFormatLite::GetTagFieldNumber(tag) == kModelGraph &&
                WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
                std::uint32_t length = 0;
                if (!in.ReadVarint32(&length)) {
                    ok = false;
                    break;
                }
                const auto limit = in.PushLimit(int(length));
                std::string graph;
                ok = readGraph(in, graph, model) && in.BytesUntilLimit() == 0;
                in.PopLimit(limit);
                out.WriteTag(tag);
                out.WriteVarint32(std::uint32_t(graph.size()));
                out.WriteString(graph);
                continue;
            }
            ok = copyField(in, tag, out);
        }
    }
    if (!ok || !model.proto.ParseFromString(rest)) {
        return Error{ErrorCode::Parse,
                     path + ": not a valid ONNX file (protobuf decoding failed: the file is truncated, "
                            "corrupt, or not ONNX)"};
    }
    return model;
}

} // namespace tessera::model
