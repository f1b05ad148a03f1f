#include "app/cli/console.h"

#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>

namespace tessera::cli {
namespace {

StopToken g_interrupt; // the handler may only touch a lock-free atomic
using Handler = void (*)(int);
Handler g_previous = SIG_DFL;

extern "C" void onInterrupt(int) {
    g_interrupt.requestStop();
    std::signal(SIGINT, SIG_DFL); // a second Ctrl-C ends the process
}

bool g_lineOpen = false;

} // namespace

InterruptStop::InterruptStop() {
    g_previous = std::signal(SIGINT, onInterrupt);
}

InterruptStop::~InterruptStop() {
    std::signal(SIGINT, g_previous);
}

const StopToken& InterruptStop::token() const {
    return g_interrupt;
}

ProgressFn consoleProgress() {
    struct State {
        bool terminal = isatty(STDERR_FILENO) != 0;
        std::chrono::steady_clock::time_point last{};
        std::string lastWord;
    };
    auto state = std::make_shared<State>();
    return [state](double fraction, std::string_view stage) {
        const auto now = std::chrono::steady_clock::now();
        const std::string word(stage.substr(0, stage.find(' ')));
        if (!state->terminal && word == state->lastWord && now - state->last < std::chrono::seconds(2)) {
            return;
        }
        state->last = now;
        state->lastWord = word;
        const int percent = int(fraction * 100 + 0.5);
        if (state->terminal) {
            std::fprintf(stderr, "\r\033[K%3d%%  %.*s", percent, int(stage.size()), stage.data());
            g_lineOpen = true;
        } else {
            std::fprintf(stderr, "%3d%%  %.*s\n", percent, int(stage.size()), stage.data());
        }
        std::fflush(stderr);
    };
}

void endProgress() {
    if (g_lineOpen) {
        std::fputc('\n', stderr);
        g_lineOpen = false;
    }
}

} // namespace tessera::cli
