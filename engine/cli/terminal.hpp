// Plain-text rendering for the terminal front-end: wrapping, diagnostics, the debrief.
#pragma once

#include "frontline/reader.hpp"
#include "frontline/scoring.hpp"

#include <iosfwd>
#include <string>
#include <string_view>

namespace frontline::cli {

/// Wraps `text` at `width` columns (UTF-8 aware), indenting continuation lines.
std::string wrap(std::string_view text, size_t width, std::string_view indent = "");

/// Terminal width from $COLUMNS, clamped to 60..120 (80 when unknown).
size_t terminal_width();

void print_diagnostics(std::ostream& err, const DiagnosticList& diags);

/// "+2", "-3", "0": how deltas read in feedback and the debrief.
std::string signed_number(int v);

/// The end-of-call debrief: the ending, both needs with scores, the quadrant and
/// its lesson, learning points, and the call turn by turn.
void print_debrief(std::ostream& out, const Scenario& s, const Runner& run, const AttemptScore& score);

}  // namespace frontline::cli
