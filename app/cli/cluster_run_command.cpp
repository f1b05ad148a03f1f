// `tessera cluster-run`: sends frames to the gateway of a running cluster of tessera-node processes (from the
// client files `tessera bundle` wrote), writes the outputs, and prints each frame's latency and the tensor
// bytes every device received and sent, beside what the plan's cost model predicted.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/image_input.h"
#include "app/cli/output_path.h"
#include "core/exec/npy.h"
#include "core/media/video_reader.h"
#include "core/net/client.h"
#include "core/net/frame_stream.h"
#include "core/report/run_record.h"

namespace tessera::cli {
namespace {

using Clock = std::chrono::steady_clock;

// The only graph input from an .npy file of its shape, or from a PNG image.
Expected<std::vector<float>> readInputFor(const net::ValueSpec& input, const std::string& path) {
    const std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".png" || ext == ".PNG") {
        auto image = readPng(path);
        if (!image) {
            return image.error();
        }
        return imageToTensor(*image, input.shape);
    }
    auto array = exec::readNpy(path);
    if (!array) {
        return array.error();
    }
    if (array->shape != input.shape) {
        return Error{ErrorCode::InvalidArgument, path + " holds " + model::toString(array->shape) +
                                                     ", input '" + input.name + "' has shape " +
                                                     model::toString(input.shape)};
    }
    return std::move(array->data);
}

std::string ms(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f ms", seconds * 1e3);
    return text;
}

// "0 2 5": the tasks a device ran for a frame (its own and those it stole), in the order they ran.
std::string taskList(const net::wire::Telemetry& t) {
    std::string list;
    for (const auto& task : t.tasks()) {
        list += (list.empty() ? "" : " ") + std::to_string(task.task());
    }
    return list;
}

// "tasks 3 5 of 'rpi4-2' (declared down)": the tasks the gateway re-ran, per device declared down
std::string rerunList(const net::wire::Telemetry& t, const net::NodeDescription& d) {
    std::map<int, std::string> tasks;
    for (const auto& r : t.rerun()) {
        tasks[r.device()] += " " + std::to_string(r.task());
    }
    std::string list;
    for (const auto& [device, ids] : tasks) {
        const bool known = device >= 0 && device < int(d.devices.size());
        list += std::string(list.empty() ? "" : ", ") + "tasks" + ids + " of '" +
                (known ? d.devices[std::size_t(device)].name : "?") + "' (declared down)";
    }
    return list;
}

} // namespace

Runner addClusterRunCommand(CLI::App& app) {
    struct Args {
        std::string bundle;
        std::string input;
        std::string video;
        std::string output;
        std::string record;
        int frames = 1;
        int inFlight = 2;
        double timeout = 30;
        std::uint64_t firstFrame = 0;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand(
        "cluster-run", "Run frames on a cluster of running tessera-node processes (see `tessera bundle`)");
    cmd->add_option("bundle", args->bundle,
                    "Directory written by `tessera bundle` (client.json, cluster.key)")
        ->required();
    auto* inputOption = cmd->add_option("-i,--input", args->input,
                                        "Input: a float32 .npy file of the input's shape, or a PNG image");
    cmd->add_option("--video", args->video,
                    "Input: the frames of a video file (MP4, MKV, AVI, ...), one per frame, looped")
        ->excludes(inputOption);
    cmd->add_option("-o,--output", args->output,
                    "Write the first frame's output to this .npy file (several outputs: STEM_<name>.npy)");
    cmd->add_option(
        "--record", args->record,
        "Write what was measured (latency per frame; per device compute, bytes, peak RSS) to this "
        "JSON run record, for `tessera report --measured`");
    cmd->add_option("--frames", args->frames,
                    "Frames to send (the same input each time, or the video's frames in turn)")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000000));
    cmd->add_option("--in-flight", args->inFlight, "Frames in flight at once (pipelining)")
        ->capture_default_str()
        ->check(CLI::Range(1, 1024));
    cmd->add_option("--first-frame", args->firstFrame,
                    "Number of the first frame (a gateway refuses numbers it has already served)")
        ->capture_default_str();
    cmd->add_option("--timeout", args->timeout, "Seconds to wait for the gateway and for each result")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);

    return [args]() {
        auto bundle = net::loadClientBundle(args->bundle);
        if (!bundle) {
            return fail(bundle.error().message);
        }
        const net::NodeDescription d = bundle->description;
        if (d.inputs.size() != 1) {
            return fail("the model has " + std::to_string(d.inputs.size()) +
                        " inputs; cluster-run feeds one");
        }
        if (args->input.empty() == args->video.empty()) {
            return fail("give the input: --input FILE (.npy or PNG) or --video FILE");
        }
        std::unique_ptr<media::LoopedVideo> video;
        Expected<std::vector<float>> input = std::vector<float>();
        if (!args->video.empty()) {
            auto reader = media::VideoReader::open(args->video);
            if (!reader) {
                return fail(reader.error().message);
            }
            video = std::make_unique<media::LoopedVideo>(std::move(*reader));
            // the first frame decodes and fits the input before anything is sent
            auto first = video->frame(0);
            input = first ? imageToTensor(*first, d.inputs[0].shape)
                          : Expected<std::vector<float>>(first.error());
        } else {
            input = readInputFor(d.inputs[0], args->input);
        }
        if (!input) {
            return fail(input.error().message);
        }
        const auto timeout = std::chrono::milliseconds(std::int64_t(args->timeout * 1e3));
        auto client = net::ClusterClient::connect(std::move(*bundle), timeout, [](const std::string& line) {
            std::cerr << "tessera: " << line << "\n";
        });
        if (!client) {
            return fail(client.error().message);
        }
        const std::map<std::string, std::vector<float>> inputs{{d.inputs[0].name, std::move(*input)}};
        std::vector<double> latencies;
        std::map<int, std::pair<std::int64_t, std::int64_t>> bytes; // per device, of the first frame
        bool bytesVary = false;
        int steals = 0, reruns = 0, rerunFrames = 0;
        report::RunRecord record;
        record.source = "tessera cluster-run";
        record.inFlight = args->inFlight;
        const auto begin = Clock::now();
        net::StreamOptions stream;
        stream.firstFrame = args->firstFrame;
        stream.frames = args->frames;
        stream.inFlight = args->inFlight;
        stream.timeout = timeout;
        const auto source = [&](std::uint64_t frame) -> Expected<std::map<std::string, std::vector<float>>> {
            if (!video) {
                return inputs;
            }
            auto image = video->frame(frame - args->firstFrame);
            if (!image) {
                return image.error();
            }
            auto tensor = imageToTensor(*image, d.inputs[0].shape);
            if (!tensor) {
                return tensor.error().withContext(args->video);
            }
            return std::map<std::string, std::vector<float>>{{d.inputs[0].name, std::move(*tensor)}};
        };
        const auto sink = [&](net::StreamedFrame&& frame) -> Status {
            const auto& result = frame.result;
            const double latency = frame.latencySeconds;
            const bool firstFrame = latencies.empty();
            latencies.push_back(latency);
            std::cout << "frame " << result.frame() << ": " << ms(latency) << "\n";
            report::FrameMeasure& measure = record.frames.emplace_back();
            measure.frame = result.frame();
            measure.latencySeconds = latency;
            for (const auto& t : result.devices()) {
                const std::pair<std::int64_t, std::int64_t> io{t.bytes_in(), t.bytes_out()};
                auto [it, first] = bytes.try_emplace(t.device(), io);
                bytesVary = bytesVary || (!first && it->second != io);
                double compute = 0;
                for (const auto& task : t.tasks()) {
                    compute += task.compute_seconds();
                }
                measure.devices.push_back({d.devices[std::size_t(t.device())].name, t.tasks_size(), compute,
                                           t.bytes_in(), t.bytes_out(), std::int64_t(t.peak_rss_bytes())});
                std::cout << "  device '" << d.devices[std::size_t(t.device())].name
                          << "': " << t.tasks_size() << " tasks, compute " << ms(compute) << ", received "
                          << t.bytes_in() << " B, sent " << t.bytes_out() << " B, peak RSS "
                          << t.peak_rss_bytes() << " B; ran tasks [" << taskList(t) << "]";
                if (t.given_size() > 0 || t.steal_bytes_in() > 0 || t.steal_bytes_out() > 0) {
                    std::cout << (t.given_size() > 0 ? ", gave" : "");
                    for (const auto& g : t.given()) {
                        std::cout << " " << g.task() << "->'" << d.devices[std::size_t(g.thief())].name
                                  << "'";
                    }
                    std::cout << ", steal bytes received " << t.steal_bytes_in() << " B, sent "
                              << t.steal_bytes_out() << " B";
                }
                if (t.rerun_size() > 0) {
                    std::cout << "; re-ran " << rerunList(t, d);
                    ++rerunFrames;
                }
                std::cout << "\n";
                steals += t.given_size();
                reruns += t.rerun_size();
            }
            if (firstFrame && !args->output.empty()) {
                for (const auto& out : result.outputs()) {
                    const auto spec =
                        std::find_if(d.outputs.begin(), d.outputs.end(),
                                     [&](const net::ValueSpec& v) { return v.name == out.name(); });
                    if (spec == d.outputs.end()) {
                        return Error{ErrorCode::Io,
                                     "the gateway sent an unknown output '" + out.name() + "'"};
                    }
                    std::vector<float> values(out.data().size() / sizeof(float));
                    net::copyFloats(out.data(), values.data());
                    const std::string file = outputPath(args->output, out.name(), d.outputs.size());
                    if (auto w = exec::writeNpy(file, spec->shape, values); !w) {
                        return w;
                    }
                    std::cout << "  wrote " << file << "\n";
                }
            }
            return {};
        };
        if (auto streamed = net::streamFrames(**client, stream, source, sink); !streamed) {
            return fail(streamed.error().message);
        }
        const double total = std::chrono::duration<double>(Clock::now() - begin).count();
        if (!args->record.empty()) {
            record.wallSeconds = total;
            if (auto w = report::writeRunRecord(record, args->record); !w) {
                return fail(w.error().message);
            }
            std::cout << "wrote the run record " << args->record << "\n";
        }
        std::sort(latencies.begin(), latencies.end());
        std::cout << "latency: min " << ms(latencies.front()) << ", median "
                  << ms(latencies[latencies.size() / 2]) << ", max " << ms(latencies.back()) << "; "
                  << args->frames << " frames in " << ms(total) << " (" << double(args->frames) / total
                  << " frames/s, " << args->inFlight << " in flight)\n";
        if (steals > 0) {
            std::cout << "work stealing: " << steals << " tasks stolen in " << args->frames
                      << " frames (their bytes are counted apart, as steal bytes)\n";
        }
        if (reruns > 0) {
            std::cout << "re-run at the gateway: " << reruns << " tasks of devices declared down, in "
                      << rerunFrames << " frames\n";
        }
        std::cout << "bytes per frame" << (bytesVary ? " (first frame; later frames differed)" : "") << ":\n";
        for (std::size_t dev = 0; dev < d.devices.size(); ++dev) {
            const auto measured =
                bytes.count(int(dev)) ? bytes[int(dev)] : std::pair<std::int64_t, std::int64_t>{};
            std::cout << "  device '" << d.devices[dev].name << "': received " << measured.first
                      << " B, sent " << measured.second << " B";
            if (dev < d.predictedBytes.size()) {
                const auto& p = d.predictedBytes[dev];
                std::cout << "; predicted " << p.first << " B, " << p.second << " B"
                          << (p == measured ? " (equal)" : " (DIFFERENT)");
            }
            std::cout << "\n";
        }
        return 0;
    };
}

} // namespace tessera::cli
