// The keys the reader accepts in each section of a scenario, straight from its
// tables, so tools (the JSON Schema test, editors) never keep a second list.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace frontline {

/// Section -> accepted keys. Sections: scenario, customer, walkout, needs,
/// scoring, pass, patience, node, customer_line, choice, ending, walkthrough,
/// expect. (nodes, endings and vars are maps with author-chosen keys.)
std::map<std::string, std::vector<std::string>> scenario_keys();

}  // namespace frontline
