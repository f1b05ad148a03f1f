// `tessera run`: one inference on a given input (.npy tensor or PNG image), printing a summary of every
// output and optionally saving the outputs as .npy files.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <numeric>
#include <optional>
#include <span>

#include "app/cli/commands.h"
#include "app/cli/image_input.h"
#include "app/cli/net_loader.h"
#include "app/cli/output_path.h"
#include "core/exec/npy.h"

namespace tessera::cli {

namespace {

// One --input: a tensor read from .npy, or an image converted once the input's shape is known.
struct InputFile {
    std::string name; // "" = the model's only input
    std::string path;
    std::optional<exec::NpyArray> tensor;
    std::optional<RgbImage> image;
};

bool isPng(const std::string& path) {
    static constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    unsigned char head[8] = {};
    std::ifstream in(path, std::ios::binary);
    return in.read(reinterpret_cast<char*>(head), 8) && std::equal(head, head + 8, kSignature);
}

// "FILE" or "NAME=FILE" (an existing file whose name contains '=' is taken as a file).
Expected<InputFile> readInput(const std::string& text) {
    InputFile input;
    input.path = text;
    const auto eq = text.find('=');
    if (eq != std::string::npos && !std::filesystem::exists(text)) {
        input.name = text.substr(0, eq);
        input.path = text.substr(eq + 1);
    }
    if (!std::filesystem::is_regular_file(input.path)) {
        return Error{ErrorCode::Io, input.path + ": no such file"};
    }
    std::string extension = std::filesystem::path(input.path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (extension == ".png" || isPng(input.path)) {
        auto image = readPng(input.path);
        if (!image) {
            return image.error();
        }
        input.image = std::move(*image);
        return input;
    }
    auto tensor = exec::readNpy(input.path);
    if (!tensor) {
        return tensor.error();
    }
    input.tensor = std::move(*tensor);
    return input;
}

// Loads the model. A symbolic input fed from an .npy file takes the file's shape unless --input-shape
// gives one; should that shape not fit the model, the model is loaded as declared and the caller reports
// the mismatch with both shapes.
Expected<model::Model> loadForInputs(const std::string& path, const model::ImportOptions& options,
                                     const std::vector<InputFile>& inputs) {
    model::ImportOptions withFiles = options;
    for (const auto& in : inputs) {
        if (in.tensor && !options.inputShapes.count(in.name) && !options.inputShapes.count("")) {
            withFiles.inputShapes[in.name] = in.tensor->shape;
        }
    }
    auto loaded = model::loadModel(path, withFiles);
    if (loaded || withFiles.inputShapes.size() == options.inputShapes.size()) {
        return loaded;
    }
    auto declared = model::loadModel(path, options);
    return declared ? std::move(declared) : std::move(loaded);
}

// Fills every model input from the files; errors name the input, the file and both shapes.
Status setInputs(exec::Session& session, const model::Graph& graph, std::vector<InputFile>& inputs) {
    std::vector<std::string> names;
    for (const auto& v : graph.inputs) {
        names.push_back(v.name);
    }
    const std::string list =
        std::accumulate(names.begin(), names.end(), std::string(), [](std::string a, const std::string& b) {
            return a.empty() ? "'" + b + "'" : a + ", '" + b + "'";
        });
    for (auto& in : inputs) {
        if (in.name.empty()) {
            if (names.size() != 1) {
                return Error{ErrorCode::InvalidArgument, "the model has " + std::to_string(names.size()) +
                                                             " inputs (" + list +
                                                             "): give each as --input NAME=FILE"};
            }
            in.name = names[0];
        }
        const auto value = std::find_if(graph.inputs.begin(), graph.inputs.end(),
                                        [&](const model::ValueInfo& v) { return v.name == in.name; });
        if (value == graph.inputs.end()) {
            return Error{ErrorCode::InvalidArgument,
                         "the model has no input named '" + in.name + "' (inputs: " + list + ")"};
        }
        std::vector<float> imageData;
        std::span<const float> data;
        if (in.tensor) {
            if (in.tensor->shape != value->shape) {
                return Error{ErrorCode::InvalidArgument, "input '" + in.name + "' has shape " +
                                                             model::toString(value->shape) + ", " + in.path +
                                                             " holds " + model::toString(in.tensor->shape)};
            }
            data = in.tensor->data;
        } else {
            auto converted = imageToTensor(*in.image, value->shape);
            if (!converted) {
                return converted.error().withContext(in.path + " for input '" + in.name + "'");
            }
            imageData = std::move(*converted);
            data = imageData;
        }
        if (auto set = session.setInput(in.name, data.data(), data.size()); !set) {
            return set.error();
        }
    }
    for (const auto& name : names) {
        if (std::none_of(inputs.begin(), inputs.end(),
                         [&](const InputFile& in) { return in.name == name; })) {
            return Error{ErrorCode::InvalidArgument, "no --input given for the model input '" + name + "'"};
        }
    }
    return {};
}

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", v);
    return text;
}

// Name, shape, min/max/mean (NaNs counted apart) and, for vectors, the five largest values.
void printSummary(const std::string& name, const exec::ConstTensor& t) {
    const auto values = t.span();
    double lo = INFINITY, hi = -INFINITY, sum = 0;
    std::size_t nans = 0;
    for (const float v : values) {
        if (std::isnan(v)) {
            ++nans;
            continue;
        }
        lo = std::min(lo, double(v));
        hi = std::max(hi, double(v));
        sum += v;
    }
    const std::size_t counted = values.size() - nans;
    std::cout << "output '" << name << "' " << model::toString(t.shape);
    if (counted > 0) {
        std::cout << ": min " << number(lo) << ", max " << number(hi) << ", mean "
                  << number(sum / double(counted));
    }
    if (nans > 0) {
        std::cout << " (" << nans << " NaN)";
    }
    std::cout << "\n";
    const auto longDims = std::count_if(t.shape.begin(), t.shape.end(), [](std::int64_t d) { return d > 1; });
    if (longDims != 1) {
        return;
    }
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    const std::size_t k = std::min<std::size_t>(5, order.size());
    auto greater = [&](std::size_t a, std::size_t b) {
        const float va = std::isnan(values[a]) ? -INFINITY : values[a];
        const float vb = std::isnan(values[b]) ? -INFINITY : values[b];
        return va > vb || (va == vb && a < b);
    };
    std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(k), order.end(), greater);
    std::cout << "  top-" << k << ":";
    for (std::size_t i = 0; i < k; ++i) {
        std::cout << " [" << order[i] << "] " << number(values[order[i]]);
    }
    std::cout << "\n";
}

} // namespace

Runner addRunCommand(CLI::App& app) {
    struct Args {
        std::string model;
        std::vector<std::string> inputs;
        std::vector<std::string> inputShapes;
        std::string weights;
        int threads = defaultThreads();
        std::string output;
        bool reference = false;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand("run", "Run one inference on a NumPy .npy tensor or a PNG image and "
                                              "summarise the outputs");
    cmd->add_option("model", args->model, "ONNX model (.onnx) or Darknet network (.cfg)")->required();
    cmd->add_option("-i,--input", args->inputs,
                    "Input data: a float32/float64 .npy file of the input's shape, or a PNG image (resized "
                    "to the input's size, RGB in [0,1], NCHW); NAME=FILE for a model with several inputs")
        ->required();
    cmd->add_option("--input-shape", args->inputShapes,
                    "Shape for a symbolic input: 1,3,224,224 or NAME:1,3,224,224 (default for .npy input: "
                    "the file's shape)");
    cmd->add_option("--weights", args->weights, "Darknet .weights file for a .cfg model");
    cmd->add_option("-t,--threads", args->threads, "Worker threads")->check(CLI::Range(1, 256));
    cmd->add_option("-o,--output", args->output,
                    "Write the output to this .npy file (several outputs: STEM_<output name>.npy)");
    cmd->add_flag("--reference", args->reference, "Use the plain reference kernels (slow; for checking)");

    return [args]() {
        std::vector<InputFile> inputs;
        for (const auto& text : args->inputs) {
            auto input = readInput(text);
            if (!input) {
                return fail(input.error().message);
            }
            inputs.push_back(std::move(*input));
        }
        auto options = importOptions(args->inputShapes, args->weights);
        if (!options) {
            return fail(options.error().message);
        }
        auto loaded = loadForInputs(args->model, *options, inputs);
        if (!loaded) {
            return fail(loaded.error().message);
        }
        exec::NetOptions netOptions;
        netOptions.reference = args->reference;
        auto net = exec::Net::load(std::move(*loaded), netOptions);
        if (!net) {
            return fail(net.error().message);
        }
        exec::Session session(*net, args->threads);
        if (auto set = setInputs(session, (*net)->graph(), inputs); !set) {
            return fail(args->model + ": " + set.error().message);
        }
        Status ran;
        const double ms = elapsedMs([&] { ran = session.run(); });
        if (!ran) {
            return fail(args->model + ": " + ran.error().message);
        }
        char took[32];
        std::snprintf(took, sizeof took, "%.3f", ms);
        std::cout << args->model << ": ran in " << took << " ms with " << args->threads
                  << (args->threads == 1 ? " thread" : " threads") << "\n";
        std::cout << "memory: weights " << (*net)->weightBytes() << " B, activations " << session.arenaBytes()
                  << " B, workspace " << session.workspaceBytes() << " B\n";
        const auto& outputs = (*net)->graph().outputs;
        for (const auto& out : outputs) {
            auto tensor = session.output(out.name);
            if (!tensor) {
                return fail(tensor.error().message);
            }
            printSummary(out.name, *tensor);
            if (!args->output.empty()) {
                const std::string file = outputPath(args->output, out.name, outputs.size());
                if (auto written = exec::writeNpy(file, tensor->shape, tensor->span()); !written) {
                    return fail(written.error().message);
                }
                std::cout << "  wrote " << file << "\n";
            }
        }
        return 0;
    };
}

} // namespace tessera::cli
