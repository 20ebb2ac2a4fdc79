// The report as one self-contained HTML file: inline CSS and SVG charts, no
// script, no font or image from anywhere else, laid out to print to PDF.
#pragma once

#include "frontline/results/report.hpp"
#include "frontline/results/text_escape.hpp"  // html_escaped

#include <iosfwd>

namespace frontline::results {

/// Writes the whole page. Text from the store and the scenarios is escaped.
void write_report_html(std::ostream& out, const Report& report);

}  // namespace frontline::results
