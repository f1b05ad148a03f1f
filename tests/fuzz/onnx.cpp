// libFuzzer harness: the ONNX importer (model::loadModel on a .onnx file: streaming protobuf parse,
// checker, shape inference, constant folding) on arbitrary bytes, held in an in-memory file. The model's
// folder is thus /proc/self/fd: external data named "3" is a descriptor of the process (run.sh gives the
// harness /dev/null as stdin, so that "0" cannot block).

#include <cstddef>
#include <cstdint>

#include <google/protobuf/stubs/logging.h>

#include "tests/fuzz/fuzz_inputs.h"

// protobuf logs every malformed string field it parses: silence it, or the log drowns the findings
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    google::protobuf::SetLogHandler(nullptr);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static tessera::fuzz::MemoryFile file("fuzz.onnx");
    const std::string path = file.write({reinterpret_cast<const char*>(data), size});
    (void)tessera::model::loadModel(path);
    return 0;
}
