// Walkthroughs: an author's pinned paths through a scenario (`tests:` in the
// scenario or a sidecar *.test.yaml) and what must hold at the end of each.
// Failures are Diagnostics at the line of the failing step or expectation.
#pragma once

#include "frontline/check.hpp"
#include "frontline/diagnostic.hpp"
#include "frontline/runner.hpp"
#include "frontline/scenario.hpp"

#include <string>
#include <vector>

namespace frontline {

/// How one walkthrough went.
struct WalkthroughResult {
    std::string name;
    SourcePos pos;
    bool passed = false;
    std::vector<std::string> says;  ///< the choices it made, turn by turn
    int ending = -1;                ///< -1 when the call did not end
};

/// Plays `w` on a checked scenario; each failed step or expectation becomes an
/// FL080..FL084 error in `diags` (the list of the file the walkthrough is written in).
WalkthroughResult run_walkthrough(const Scenario& s, const ScoreBounds& bounds, const Walkthrough& w,
                                  DiagnosticList& diags);

/// The visible choice a step names (node choice index), or -1 with the reason in `why`.
int resolve_step(const Runner& run, const Walkthrough::Step& step, std::string& why);

}  // namespace frontline
