// tessera: the command-line face of Tessera. Wires the sub-commands together; each lives in its own file.

#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <utility>

#include <png.h>

#include "app/cli/commands.h"
#include "deployer/library_version.h"

namespace {

// "tessera X.Y.Z", then a line per library this program links, asked at run time where the library can tell
// (the studio's About box lists the same, with Qt and Graphviz instead of libpng).
std::string versionText() {
    auto libraries = tessera::deployer::linkedLibraryVersions();
    libraries.emplace_back("libpng", png_get_libpng_ver(nullptr));
    std::string text = std::string("tessera ") + TESSERA_VERSION;
    for (const auto& [library, version] : libraries) {
        text += "\n  " + library + ": " + version;
    }
    return text;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Tessera - design, check and run distributed CNN inference on edge devices"};
    app.set_version_flag("--version", std::function<std::string()>(versionText),
                         "Print the version and those of the libraries linked, and exit");
    app.require_subcommand(1);
    app.footer("Run 'tessera COMMAND --help' for the options of a command.");

    std::map<const CLI::App*, tessera::cli::Runner> runners;
    auto registerCommand = [&](tessera::cli::Runner (*add)(CLI::App&)) {
        const std::size_t before = app.get_subcommands({}).size();
        auto runner = add(app);
        runners[app.get_subcommands({}).at(before)] = std::move(runner);
    };
    registerCommand(tessera::cli::addAnalyzeCommand);
    registerCommand(tessera::cli::addZooCommand);
    registerCommand(tessera::cli::addRunCommand);
    registerCommand(tessera::cli::addBenchCommand);
    registerCommand(tessera::cli::addPlanCommand);
    registerCommand(tessera::cli::addSimulateCommand);
    registerCommand(tessera::cli::addVerifyCommand);
    registerCommand(tessera::cli::addExportSubmodelsCommand);
    registerCommand(tessera::cli::addOptimizeCommand);
    registerCommand(tessera::cli::addPruneCommand);
    registerCommand(tessera::cli::addCalibrateCommand);
    registerCommand(tessera::cli::addClusterCommand);
    registerCommand(tessera::cli::addBundleCommand);
    registerCommand(tessera::cli::addReportCommand);
    registerCommand(tessera::cli::addClusterRunCommand);
    registerCommand(tessera::cli::addClusterWatchCommand);
    registerCommand(tessera::cli::addProbeCommand);
    registerCommand(tessera::cli::addDeployCommand);
    registerCommand(tessera::cli::addLaunchCommand);
    registerCommand(tessera::cli::addRestartCommand);
    registerCommand(tessera::cli::addStopCommand);
    registerCommand(tessera::cli::addStatusCommand);
    registerCommand(tessera::cli::addLogsCommand);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "tessera: error: " << e.what() << "\nRun 'tessera --help' for usage.\n";
        return 2;
    }
    for (const auto& [command, run] : runners) {
        if (command->parsed()) {
            return run();
        }
    }
    return 2;
}
