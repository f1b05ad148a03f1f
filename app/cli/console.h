#pragma once
// Long CLI jobs (the optimizer's search, candidate measurement) report progress on stderr and stop early on
// Ctrl-C, keeping the best result found so far. A second Ctrl-C kills the process as usual.

#include <string>

#include "core/base/cancel.h"

namespace tessera::cli {

// Ctrl-C (SIGINT) requests a stop on token() while this object lives; the previous handler comes back after.
class InterruptStop {
public:
    InterruptStop();
    ~InterruptStop();
    InterruptStop(const InterruptStop&) = delete;
    InterruptStop& operator=(const InterruptStop&) = delete;

    const StopToken& token() const;
};

// Progress on stderr: on a terminal one line rewritten in place, otherwise a line at most every 2 seconds
// (and whenever the stage text changes its first word, e.g. from measuring to searching).
ProgressFn consoleProgress();
// Ends a progress line rewritten in place, so that what follows starts on a fresh line.
void endProgress();

} // namespace tessera::cli
