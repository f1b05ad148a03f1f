#pragma once
// Sub-commands of the `tessera` CLI. Each registers its options on the app and returns the function that
// runs it; the function returns the process exit code (0 ok, 1 failure).

#include <CLI/CLI.hpp>

#include <functional>

namespace tessera::cli {

using Runner = std::function<int()>;

Runner addAnalyzeCommand(CLI::App& app);
Runner addZooCommand(CLI::App& app);
Runner addRunCommand(CLI::App& app);
Runner addBenchCommand(CLI::App& app);
Runner addPlanCommand(CLI::App& app);
Runner addSimulateCommand(CLI::App& app);
Runner addVerifyCommand(CLI::App& app);
Runner addExportSubmodelsCommand(CLI::App& app);
Runner addCalibrateCommand(CLI::App& app);
Runner addOptimizeCommand(CLI::App& app);
Runner addClusterCommand(CLI::App& app);
Runner addBundleCommand(CLI::App& app);
Runner addClusterRunCommand(CLI::App& app);
Runner addClusterWatchCommand(CLI::App& app);
Runner addPruneCommand(CLI::App& app);
Runner addReportCommand(CLI::App& app);
// deploy_command.cpp: real devices over SSH
Runner addProbeCommand(CLI::App& app);
Runner addDeployCommand(CLI::App& app);
Runner addLaunchCommand(CLI::App& app);
Runner addRestartCommand(CLI::App& app);
Runner addStopCommand(CLI::App& app);
Runner addStatusCommand(CLI::App& app);
Runner addLogsCommand(CLI::App& app);

// Prints "tessera: error: <message>" to stderr and returns 1.
int fail(const std::string& message);

} // namespace tessera::cli
