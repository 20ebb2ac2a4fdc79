// The scenario as a Graphviz DOT graph: nodes, endings shaped and coloured by
// outcome, moves labelled with the choice and its effect on both needs, and the
// best path overall highlighted (from the lint report).
#pragma once

#include "frontline/lint.hpp"
#include "frontline/scenario.hpp"

#include <string>

namespace frontline {

struct GraphOptions {
    size_t label_chars = 36;     ///< choice text is shortened to this many characters
    bool highlight_best = true;  ///< draw the best path overall in bold blue
};

/// DOT text for `dot -Tsvg`. `report` supplies reachability and the best path.
std::string scenario_dot(const Scenario& s, const LintReport& report, const GraphOptions& options = {});

}  // namespace frontline
